// Who a channel's messages appear to come from. For the SMS kinds and e-mail the provider sends
// from one of the settings (SMPP's source address, CM's sender, Bird's originator, Twilio's from,
// e-mail's from); the server shows and checks that value as the channel's sender when it is given,
// and takes the separate sender field only when it is not (SENDER_SETTING and effectiveSender in
// src/outreach/channels/channel-store.ts). The form follows the same rule so that its warning
// about a name as SMS sender — nobody can answer a name — speaks of what people will actually see.
import { fieldId, type FieldSpec, type FormValues } from './settings-form';

/** The setting each kind sends from (same table as the server's). */
export const SENDER_SETTING: Readonly<Record<string, string>> = {
  smpp: 'sourceAddr',
  cm: 'sender',
  messagebird: 'originator',
  twilio: 'from',
  email: 'from',
};

/** Kinds whose sender is an SMS originator: a name there cannot receive replies. */
export const SMS_KINDS: ReadonlySet<string> = new Set(['smpp', 'cm', 'messagebird', 'twilio']);

/** The field of the form that holds the setting a kind sends from, if the kind has one. */
export function senderField(kind: string, fields: readonly FieldSpec[]): FieldSpec | null {
  const name = SENDER_SETTING[kind];
  return name ? (fields.find((f) => fieldId(f.path) === name) ?? null) : null;
}

/** What the channel will send as: the sending setting when filled in, else the sender field. */
export function effectiveSender(
  kind: string,
  fields: readonly FieldSpec[],
  values: FormValues,
  sender: string,
): string {
  const field = senderField(kind, fields);
  const value = field ? values[fieldId(field.path)] : undefined;
  if (typeof value === 'string' && value.trim()) return value.trim();
  return sender.trim();
}

/**
 * True when an SMS sender is a name rather than a number ("Hulplijn" rather than "+3197…"): the
 * gateways' rule (isAlphanumericSender in src/outreach/channels/http-gateway.ts).
 */
export function isNameSender(sender: string): boolean {
  if (!sender) return false;
  return !/^\+?\d+$/.test(sender.replace(/[\s\-().]/g, ''));
}

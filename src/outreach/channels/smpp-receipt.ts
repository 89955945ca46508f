// SMPP delivery receipts: the de-facto receipt text of SMPP 3.4 appendix B ("id:… sub:… dlvrd:…
// submit date:… done date:… stat:DELIVRD err:… text:…") and the receipted_message_id /
// message_state TLVs, mapped to the channel's delivery statuses. SMSCs differ in case, padding
// and whether the id is hex or decimal, so parsing is lenient and ids can be matched both ways.
import type { DeliveryStatus } from './channel.js';

export interface ParsedReceipt {
  id?: string;
  /** The stat field as sent, upper-cased (DELIVRD, UNDELIV, …). */
  stat?: string;
  err?: string;
  doneDate?: Date;
  submitDate?: Date;
}

const field = (text: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}:\\s*(\\S+)`, 'i').exec(text)?.[1];

/** YYMMDDhhmm[ss] as UTC (the receipt carries no zone; most SMSCs use UTC). */
export function parseReceiptDate(value: string | undefined): Date | undefined {
  const m = value ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/.exec(value) : null;
  if (!m) return undefined;
  const [, yy, mo, dd, hh, mi, ss] = m;
  const date = new Date(
    Date.UTC(
      2000 + Number(yy),
      Number(mo) - 1,
      Number(dd),
      Number(hh),
      Number(mi),
      Number(ss ?? 0),
    ),
  );
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function parseReceiptText(text: string): ParsedReceipt {
  const dateField = (name: string): string | undefined =>
    new RegExp(`${name}:\\s*(\\d{10,12})`, 'i').exec(text)?.[1];
  return {
    id: field(text, 'id'),
    stat: field(text, 'stat')?.toUpperCase(),
    err: field(text, 'err'),
    submitDate: parseReceiptDate(dateField('submit date')),
    doneDate: parseReceiptDate(dateField('done date')),
  };
}

type Status = DeliveryStatus | 'pending';

/** The receipt's stat text (first 7 letters, as SMSCs pad or cut it) to a status. */
const STATS: ReadonlyMap<string, Status> = new Map([
  ['DELIVRD', 'delivered'],
  ['EXPIRED', 'expired'],
  ['DELETED', 'failed'],
  ['UNDELIV', 'failed'],
  ['REJECTD', 'rejected'],
  ['UNKNOWN', 'unknown'],
  ['ACCEPTD', 'unknown'],
  ['ENROUTE', 'pending'],
  ['SCHEDUL', 'pending'],
]);

/** message_state TLV values (SMPP 3.4 §5.3.2.35) by number. */
const STATES: readonly Status[] = [
  'pending', // 0 SCHEDULED
  'pending', // 1 ENROUTE
  'delivered', // 2 DELIVERED
  'expired', // 3 EXPIRED
  'failed', // 4 DELETED
  'failed', // 5 UNDELIVERABLE
  'unknown', // 6 ACCEPTED
  'unknown', // 7 UNKNOWN
  'rejected', // 8 REJECTED
];

/** Status from the stat text; 'pending' for states that are not final, undefined if unknown. */
export function statusFromStat(stat: string | undefined): Status | undefined {
  return stat ? STATS.get(stat.slice(0, 7).toUpperCase()) : undefined;
}

/** Status from the message_state TLV; undefined when absent or out of range. */
export function statusFromMessageState(state: number | undefined): Status | undefined {
  return state === undefined ? undefined : STATES[state];
}

/**
 * Other spellings an SMSC may use for the same message id: some answer submit_sm with a hex id
 * and report it in decimal in the receipt (or the other way round), some pad with zeros.
 */
export function alternativeIds(id: string): string[] {
  const out = new Set<string>([id.toLowerCase(), id.toUpperCase()]);
  const trimmed = id.replace(/^0+(?=.)/, '');
  out.add(trimmed.toLowerCase());
  out.add(trimmed.toUpperCase());
  if (/^\d{1,30}$/.test(id)) {
    const hex = BigInt(id).toString(16);
    out.add(hex);
    out.add(hex.toUpperCase());
  }
  if (/^[0-9a-f]{1,24}$/i.test(id)) out.add(BigInt(`0x${id}`).toString(10));
  out.delete(id);
  return [...out];
}

// A send the contact rules refused, told plainly: which rule, the server's reason, and for rules
// that pass with time, from when sending is possible. Any other error is shown as usual.
import { Alert, Text } from '@mantine/core';
import { formatDateTime } from '../ui/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SendRefusal } from './api';
import { useOutreachT, type OutreachKey } from './i18n';

const RULES = [
  'opt_out_confirmation_not_allowed',
  'do_not_contact',
  'invalid_recipient',
  'template_required',
  'template_not_approved',
  'whatsapp_no_opt_in',
  'whatsapp_template_required',
  'whatsapp_template_not_approved',
  'one_thread_per_entity',
  'shared_number_name',
  'safety_confirmation_required',
  'unanswered_limit',
  'min_gap',
  'quiet_hours',
  'rate_limit',
] as const;
type Rule = (typeof RULES)[number];
const isRule = (r: string | null): r is Rule =>
  r !== null && (RULES as readonly string[]).includes(r);

export function ruleOf(error: unknown): string | null {
  return error instanceof SendRefusal ? error.rule : null;
}

export function SendErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const t = useOutreachT();
  if (!(error instanceof SendRefusal)) return <ErrorAlert error={error} onClose={onClose} />;
  const title: string = isRule(error.rule)
    ? t(`rules.${error.rule}` satisfies OutreachKey)
    : t('rules.other');
  return (
    <Alert
      color={error.rule === 'do_not_contact' ? 'red' : 'orange'}
      variant="light"
      role="alert"
      title={title}
      data-testid="send-refused"
      data-rule={error.rule ?? ''}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
    >
      <Text size="sm">{error.message}</Text>
      {error.notBefore ? (
        <Text size="sm" fw={600} mt={6} data-testid="not-before">
          {t('rules.notBefore', { time: formatDateTime(error.notBefore) })}
        </Text>
      ) : null}
    </Alert>
  );
}

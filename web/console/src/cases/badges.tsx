// Small labels the cases pages share: a case's status, the minor flag, a consent's state.
import { Badge } from '@mantine/core';
import type { CaseStatus, ConsentView } from './api';
import { useCasesT } from './i18n';

const STATUS_COLOR: Record<CaseStatus, string> = {
  open: 'blue',
  referral: 'violet',
  in_care: 'teal',
  closed: 'gray',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = useCasesT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="case-status">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function MinorBadge() {
  const t = useCasesT();
  return (
    <Badge color="red" variant="filled" data-testid="minor-badge">
      {t('case.minor')}
    </Badge>
  );
}

const STATE_COLOR: Record<ConsentView['state'], string> = {
  current: 'green',
  not_yet: 'gray',
  expired: 'orange',
  withdrawn: 'red',
  declined: 'red',
};

export function ConsentStateBadge({ state }: { state: ConsentView['state'] }) {
  const t = useCasesT();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" data-testid="consent-state">
      {t(`consentState.${state}`)}
    </Badge>
  );
}

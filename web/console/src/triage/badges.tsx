// Badges for a lead's urgency, flags, state and the evidence level of a score reason, the same
// everywhere they appear.
import { Badge, Group, Tooltip } from '@mantine/core';
import type { Evidence, LeadState } from './api';
import { isScoreFlag } from './api';
import { useTriageT } from './i18n';

export function UrgentBadge({ size = 'sm' }: { size?: 'sm' | 'md' | 'lg' }) {
  const t = useTriageT();
  return (
    <Tooltip label={t('flagHints.urgent')} withArrow multiline w={240}>
      <Badge color="red" variant="filled" size={size} data-testid="urgent-badge">
        {t('flags.urgent')}
      </Badge>
    </Tooltip>
  );
}

export function FlagBadges({ flags, max }: { flags: string[]; max?: number }) {
  const t = useTriageT();
  if (flags.length === 0) return null;
  const shown = max !== undefined && flags.length > max + 1 ? flags.slice(0, max) : flags;
  const rest = flags.slice(shown.length);
  const name = (f: string) => (isScoreFlag(f) ? t(`flags.${f}`) : f);
  return (
    <Group gap={4}>
      {shown.map((f) =>
        isScoreFlag(f) ? (
          <Tooltip key={f} label={t(`flagHints.${f}`)} withArrow multiline w={240}>
            <Badge
              color={f === 'urgent' ? 'red' : f === 'young' ? 'orange' : 'gray'}
              variant="light"
              size="sm"
              data-testid="flag-badge"
            >
              {t(`flags.${f}`)}
            </Badge>
          </Tooltip>
        ) : (
          <Badge key={f} color="gray" variant="light" size="sm" data-testid="flag-badge">
            {f}
          </Badge>
        ),
      )}
      {rest.length > 0 ? (
        <Tooltip label={rest.map(name).join(', ')} withArrow multiline w={240}>
          <Badge color="gray" variant="outline" size="sm" aria-label={rest.map(name).join(', ')}>
            +{rest.length}
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}

const STATE_COLOR: Record<LeadState, string> = {
  new: 'blue',
  in_review: 'ariadne',
  contact_planned: 'violet',
  contacted: 'teal',
  no_action: 'gray',
  closed: 'dark',
};

export function StateBadge({ state, size = 'sm' }: { state: LeadState; size?: 'sm' | 'md' }) {
  const t = useTriageT();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" size={size} data-testid="state-badge">
      {t(`states.${state}`)}
    </Badge>
  );
}

const EVIDENCE_COLOR: Record<Evidence, string> = {
  validated: 'teal',
  practitioner: 'blue',
  contested: 'gray',
};

export function EvidenceBadge({ evidence }: { evidence: Evidence }) {
  const t = useTriageT();
  return (
    <Tooltip label={t(`why.evidenceHint.${evidence}`)} withArrow multiline w={240}>
      <Badge
        color={EVIDENCE_COLOR[evidence]}
        variant={evidence === 'contested' ? 'outline' : 'light'}
        size="sm"
        data-testid="evidence-badge"
      >
        {t(`why.evidence.${evidence}`)}
      </Badge>
    </Tooltip>
  );
}

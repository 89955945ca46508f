// Badges for a lead's urgency, flags, type of exploitation, state, news and the evidence level of a score reason, and the
// line of its top reasons: the same everywhere they appear (the queue's table and its phone cards).
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useReasonText } from '../i18n/reasons';
import type { Evidence, ExploitationType, LeadItem, LeadState } from './api';
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

const EXPLOITATION_COLOR: Record<Exclude<ExploitationType, 'unclear'>, string> = {
  sexual: 'pink',
  criminal: 'indigo',
  both: 'grape',
};

/** Which kind of exploitation a lead's signs point to; nothing when they point to neither. */
export function ExploitationBadge({
  type,
  size = 'sm',
}: {
  type: ExploitationType;
  size?: 'sm' | 'md';
}) {
  const t = useTriageT();
  if (type === 'unclear') return null;
  return (
    <Tooltip label={t(`exploitation.hints.${type}`)} withArrow multiline w={260}>
      <Badge
        color={EXPLOITATION_COLOR[type]}
        variant="outline"
        size={size}
        data-testid="exploitation-badge"
        data-type={type}
        aria-label={t('entity.exploitation.badgeLabel', { type: t(`exploitation.types.${type}`) })}
      >
        {t(`exploitation.badge.${type}`)}
      </Badge>
    </Tooltip>
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

/** What is new about a lead since it was last looked at: new evidence, a new saved-search match. */
export function LeadNewsBadges({ lead, newMatch }: { lead: LeadItem; newMatch: boolean }) {
  const t = useTriageT();
  return (
    <>
      {lead.newEvidence ? (
        <Tooltip label={t('queue.newEvidenceHint')} withArrow>
          <Badge color="grape" variant="light" size="sm" data-testid="new-evidence">
            {t('queue.newEvidence')}
          </Badge>
        </Tooltip>
      ) : null}
      {newMatch ? (
        <Badge color="ariadne" variant="filled" size="sm">
          {t('queue.newMatch')}
        </Badge>
      ) : null}
    </>
  );
}

/** A lead's top reasons in one line, with their points. */
export function TopReasons({ lead, maw }: { lead: LeadItem; maw?: number }) {
  const reasonText = useReasonText();
  if (lead.topReasons.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" lineClamp={2} maw={maw}>
      {lead.topReasons.map((r) => `${reasonText(r.labelText, r.label)} (+${r.points})`).join(' · ')}
    </Text>
  );
}

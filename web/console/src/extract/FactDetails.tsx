// What one fact says, in words: its kind, its value (masked for identifiers until revealed), and
// for a sign of exploitation its category, evidence level, explanation and the rule that found it.
// Used in the marks' tooltips and in the list of facts.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useCollectT, useOptionalT } from '../collect/i18n';
import { useIndicatorExplanation } from '../i18n/reasons';
import { languageName } from '../ui/format';
import { currentLocale } from '../i18n';
import { isIdentifierKind, type Fact, type Revealed } from './api';
import { EVIDENCE_COLOR } from './facts';

/** The value of a fact as a worker reads it ("18–21", "€ 90 / 30 min", "Amsterdam"). */
export function useFactValue(): (f: Fact, revealed?: Revealed) => string {
  const t = useCollectT();
  const o = useOptionalT();
  return (f, revealed) => {
    if (isIdentifierKind(f.kind)) return revealed?.value ?? f.masked ?? f.handle ?? '•••';
    switch (f.kind) {
      case 'indicator':
        return f.raw ?? f.code ?? '';
      case 'age':
        if (f.min !== undefined && f.max !== undefined)
          return f.min === f.max
            ? t('facts.ageValue', { age: f.min })
            : t('facts.ageRange', { min: f.min, max: f.max });
        return f.value ?? '';
      case 'price':
        if (f.amount !== undefined && f.currency) {
          const money = new Intl.NumberFormat(currentLocale(), {
            style: 'currency',
            currency: f.currency,
            maximumFractionDigits: 0,
          }).format(f.amount);
          if (f.durationMinutes) return t('facts.pricePer', { money, minutes: f.durationMinutes });
          if (f.unit) return `${money} / ${o(`facts.unit.${f.unit}`, f.unit)}`;
          return money;
        }
        return f.value ?? '';
      case 'place':
        return f.municipality && f.municipality !== f.value
          ? `${f.value ?? ''} (${f.municipality})`
          : (f.value ?? '');
      case 'location_type':
        return o(`facts.locationType.${f.locationType ?? f.value ?? ''}`, f.value ?? '');
      case 'spoken_language':
      case 'language':
        return f.value ? languageName(f.value) : '';
      default:
        return f.value ?? f.raw ?? '';
    }
  };
}

export function EvidenceBadge({ evidence }: { evidence: string }) {
  const o = useOptionalT();
  return (
    <Badge color={EVIDENCE_COLOR[evidence] ?? 'gray'} variant="light" size="sm">
      {o(`facts.evidence.${evidence}`, evidence)}
    </Badge>
  );
}

/** The short form for a tooltip over a mark. */
export function FactTooltip({ fact, revealed }: { fact: Fact; revealed?: Revealed }) {
  const t = useCollectT();
  const o = useOptionalT();
  const explain = useIndicatorExplanation();
  const value = useFactValue();
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Text size="xs" fw={700}>
          {o(`facts.kind.${fact.kind}`, fact.kind)}
        </Text>
        {fact.kind === 'indicator' && fact.evidence ? (
          <EvidenceBadge evidence={fact.evidence} />
        ) : null}
      </Group>
      {fact.kind === 'indicator' ? (
        <>
          {fact.category ? (
            <Text size="xs">{o(`facts.category.${fact.category}`, fact.category)}</Text>
          ) : null}
          {fact.explanation ? <Text size="xs">{explain(fact.code, fact.explanation)}</Text> : null}
        </>
      ) : (
        <Text size="xs" ff={isIdentifierKind(fact.kind) ? 'monospace' : undefined}>
          {value(fact, revealed)}
        </Text>
      )}
      {isIdentifierKind(fact.kind) && !revealed ? (
        <Text size="xs" c="gray.4">
          {t('facts.maskedHint')}
        </Text>
      ) : null}
      <Text size="xs" c="gray.4" ff="monospace">
        {t('facts.rule', { rule: fact.rule })}
      </Text>
    </Stack>
  );
}

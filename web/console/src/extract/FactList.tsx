// Everything extraction found in one ad version, grouped by kind: signs of exploitation with their
// evidence level and explanation, identifiers (masked, each with an audited "Reveal"), ages,
// prices, places and languages — and what the block-list set aside.
import { Accordion, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useCollectT, useOptionalT } from '../collect/i18n';
import { useIndicatorExplanation } from '../i18n/reasons';
import { Cited, CITATION } from '../ui/Cited';
import { CopyText } from '../ui/CopyText';
import { isIdentifierKind, type Extraction, type Fact, type Revealed } from './api';
import { EvidenceBadge, useFactValue } from './FactDetails';
import { clusterFacts, GROUP_COLOR, groupByKind, groupOf, markId, type IndexedFact } from './facts';
import { RevealButton } from './RevealButton';

function showMark(index: number) {
  const el = document.getElementById(markId(index));
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
  el.classList.remove('fact-flash');
  // Restart the animation on a repeated click.
  void el.offsetWidth;
  el.classList.add('fact-flash');
}

/** One finding, with every place it occurs (the same place named in the title and the text). */
function FactItem({
  items,
  revealed,
  onRevealed,
}: {
  items: IndexedFact[];
  revealed: Map<string, Revealed>;
  onRevealed: (r: Revealed) => void;
}) {
  const t = useCollectT();
  const o = useOptionalT();
  const explain = useIndicatorExplanation();
  const value = useFactValue();
  const fact = items[0]!.fact;
  const shown = fact.identifierId ? revealed.get(fact.identifierId) : undefined;
  const marked = groupOf(fact) !== null;
  const rules = [...new Set(items.map((i) => i.fact.rule))];
  return (
    <Stack gap={2} data-testid="fact" data-fact-kind={fact.kind} py={6}>
      <Group gap={6} justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap={6} miw={0}>
          {isIdentifierKind(fact.kind) ? (
            shown ? (
              <CopyText
                value={shown.value}
                label={t('reveal.copy')}
                fw={600}
                data-testid="revealed-value"
              >
                {shown.value}
              </CopyText>
            ) : (
              <Text size="sm" ff="monospace" fw={600} data-testid="masked-value">
                {value(fact)}
              </Text>
            )
          ) : (
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {value(fact)}
            </Text>
          )}
          {fact.kind === 'indicator' && fact.evidence ? (
            <EvidenceBadge evidence={fact.evidence} />
          ) : null}
          {fact.obfuscated ? (
            <Badge color="orange" variant="outline" size="sm">
              {t('facts.obfuscated')}
            </Badge>
          ) : null}
          {fact.kind === 'age' && fact.minor ? (
            <Badge color="red" size="sm">
              {t('facts.minor')}
            </Badge>
          ) : fact.kind === 'age' && fact.young ? (
            <Badge color="orange" variant="light" size="sm">
              {t('facts.young')}
            </Badge>
          ) : null}
        </Group>
        {fact.identifierId && !shown ? (
          <RevealButton
            identifierId={fact.identifierId}
            label={`${o(`facts.kind.${fact.kind}`, fact.kind)} ${value(fact)}`}
            onRevealed={onRevealed}
          />
        ) : null}
      </Group>
      {fact.kind === 'indicator' ? (
        <>
          {fact.category ? (
            <Text size="xs" c="dimmed">
              {o(`facts.category.${fact.category}`, fact.category)}
              {fact.weight !== undefined ? ` · ${t('facts.weight', { weight: fact.weight })}` : ''}
            </Text>
          ) : null}
          {fact.explanation ? <Text size="sm">{explain(fact.code, fact.explanation)}</Text> : null}
          {fact.source ? (
            <Text size="xs" c="dimmed" fs="italic">
              <Cited text={t('facts.source', { source: CITATION })} citation={fact.source} />
            </Text>
          ) : null}
        </>
      ) : null}
      {shown ? (
        <Text size="xs" c="violet.8" data-testid="reveal-logged">
          {t('reveal.logged')}
          {shown.raw && shown.raw !== shown.value
            ? ` ${t('reveal.writtenAs', { raw: shown.raw })}`
            : ''}
        </Text>
      ) : null}
      {fact.obfuscation && fact.obfuscation.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t('facts.obfuscation', {
            how: fact.obfuscation.map((x) => o(`facts.obfuscationKind.${x}`, x)).join(', '),
          })}
        </Text>
      ) : null}
      <Group gap={6} data-testid="fact-places">
        <Text size="xs" c="dimmed">
          {t('facts.foundIn')}
        </Text>
        {items.map(({ fact: f, index }) => {
          const field = o(`fields.${f.span.field}`, f.span.field);
          return marked ? (
            <Anchor
              key={index}
              component="button"
              type="button"
              size="xs"
              onClick={() => showMark(index)}
              aria-label={t('facts.showInField', { field })}
            >
              {field}
            </Anchor>
          ) : (
            <Text key={index} size="xs">
              {field}
            </Text>
          );
        })}
        <Text size="xs" c="dimmed" ff="monospace">
          {rules.join(', ')}
        </Text>
      </Group>
    </Stack>
  );
}

export function FactList({
  extraction,
  facts,
  revealed,
  onRevealed,
}: {
  extraction: Extraction;
  facts: IndexedFact[];
  revealed: Map<string, Revealed>;
  onRevealed: (r: Revealed) => void;
}) {
  const t = useCollectT();
  const o = useOptionalT();
  const groups = groupByKind(facts);
  return (
    <Stack gap="md" data-testid="fact-list">
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('facts.none')}
        </Text>
      ) : (
        groups.map(([kind, items]) => {
          const group = groupOf({ kind });
          const clusters = clusterFacts(items);
          return (
            <section
              key={kind}
              aria-label={o(`facts.kindPlural.${kind}`, kind)}
              data-testid="fact-group"
              data-kind={kind}
            >
              <Group gap={8} mb={2}>
                {group ? (
                  <span className={`legend-swatch fact-${group}`} aria-hidden="true" />
                ) : null}
                <Title order={3} size="h6">
                  {o(`facts.kindPlural.${kind}`, kind)}
                </Title>
                <Badge size="sm" variant="light" color={group ? GROUP_COLOR[group] : 'gray'} circle>
                  {clusters.length}
                </Badge>
              </Group>
              <Stack gap={0} pl={22}>
                {clusters.map((cluster) => (
                  <FactItem
                    key={cluster[0]!.index}
                    items={cluster}
                    revealed={revealed}
                    onRevealed={onRevealed}
                  />
                ))}
              </Stack>
            </section>
          );
        })
      )}
      {extraction.suppressed.length > 0 ? (
        <Accordion variant="contained" radius="md">
          <Accordion.Item value="suppressed">
            <Accordion.Control>
              {t('facts.suppressed', { count: extraction.suppressed.length })}
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                {extraction.suppressed.map((s, i) => (
                  <SuppressedItem key={i} fact={s.fact} reason={s.reason} by={s.by} />
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      ) : null}
    </Stack>
  );
}

function SuppressedItem({ fact, reason, by }: { fact: Fact; reason: string; by: string }) {
  const t = useCollectT();
  const o = useOptionalT();
  const value = useFactValue();
  return (
    <div>
      <Text size="sm">
        <Text span fw={600}>
          {o(`facts.kind.${fact.kind}`, fact.kind)}
        </Text>{' '}
        {value(fact)}
      </Text>
      <Text size="xs" c="dimmed">
        {reason === 'blocklist'
          ? t('facts.suppressedByBlock', { by })
          : reason === 'legitimate_context'
            ? t('facts.suppressedByVacancy', { by })
            : reason === 'warning_context'
              ? t('facts.suppressedByWarning', { by })
              : t('facts.suppressedByNegation', { by })}
      </Text>
    </div>
  );
}

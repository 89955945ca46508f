// Extraction rules: the analysts' own terms (patterns that mark a sign of exploitation, with its
// category, evidence level and explanation) and the block-list of false hits (a fact of a kind,
// optionally only in one field, by value, pattern or indicator code). A change re-processes every
// ad found with other rules; the page says how many are still waiting.
import {
  Alert,
  Badge,
  Button,
  Code,
  EmptyState,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { canEditRules, canReadAds } from '../collect/access';
import { formatDateTime, formatNumber } from '../ui/format';
import { useCollectT, useOptionalT } from '../collect/i18n';
import { Loading } from '../ui/Loading';
import { NoAccess } from '../ui/NoAccess';
import { ErrorAlert } from '../ui/ErrorAlert';
import {
  addRule,
  EVIDENCE_LEVELS,
  extractKeys,
  FACT_KINDS,
  INDICATOR_CATEGORIES,
  listRules,
  retireRule,
  SPAN_FIELDS,
  type BlockRuleInput,
  type CustomTermInput,
  type Evidence,
  type FactKind,
  type IndicatorCategory,
  type BlockListRule,
  type Rule,
  type SpanField,
  type TermRule,
} from './api';
import { EvidenceBadge } from './FactDetails';

type Dialog = { kind: 'term' } | { kind: 'block' } | { kind: 'retire'; rule: Rule } | null;

export function RulesPage() {
  const t = useCollectT();
  const { capabilities } = useCurrentSession();
  if (!canReadAds(capabilities)) return <NoAccess title={t('rules.title')} />;
  return <Rules editable={canEditRules(capabilities)} />;
}

function Rules({ editable }: { editable: boolean }) {
  const t = useCollectT();
  usePageTitle(t('rules.title'));
  const rules = useQuery({
    queryKey: extractKeys.rules,
    queryFn: listRules,
    // While ads wait for re-processing, follow the count down.
    refetchInterval: (q) => ((q.state.data?.stale ?? 0) > 0 ? 4000 : false),
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tab, setTab] = useState<'terms' | 'block'>('terms');
  const terms = (rules.data?.rules ?? []).filter((r) => r.type === 'custom_term');
  const blocks = (rules.data?.rules ?? []).filter((r) => r.type === 'block');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('rules.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={760} mt={4}>
            {t('rules.intro')}
          </Text>
        </div>
        {editable ? (
          <Group gap="sm">
            <Button onClick={() => setDialog({ kind: 'term' })}>{t('rules.addTerm')}</Button>
            <Button variant="default" onClick={() => setDialog({ kind: 'block' })}>
              {t('rules.addBlock')}
            </Button>
          </Group>
        ) : null}
      </Group>

      {rules.data ? (
        <Reprocessing stale={rules.data.stale} version={rules.data.ruleSetVersion} />
      ) : null}

      {rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <ErrorAlert error={rules.error} />
      ) : (
        <Tabs value={tab} onChange={(v) => setTab(v === 'block' ? 'block' : 'terms')}>
          <Tabs.List mb="md">
            <Tabs.Tab
              value="terms"
              rightSection={
                <Badge size="sm" variant="light" circle>
                  {terms.length}
                </Badge>
              }
            >
              {t('rules.tabs.terms')}
            </Tabs.Tab>
            <Tabs.Tab
              value="block"
              rightSection={
                <Badge size="sm" variant="light" circle>
                  {blocks.length}
                </Badge>
              }
            >
              {t('rules.tabs.block')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="terms">
            <Paper withBorder radius="md">
              <TermsTable
                rules={terms}
                editable={editable}
                onRetire={(rule) => setDialog({ kind: 'retire', rule })}
              />
            </Paper>
          </Tabs.Panel>
          <Tabs.Panel value="block">
            <Paper withBorder radius="md">
              <BlockTable
                rules={blocks}
                editable={editable}
                onRetire={(rule) => setDialog({ kind: 'retire', rule })}
              />
            </Paper>
          </Tabs.Panel>
        </Tabs>
      )}

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size={dialog?.kind === 'retire' ? 'md' : 'lg'}
        title={
          dialog?.kind === 'term'
            ? t('rules.term.title')
            : dialog?.kind === 'block'
              ? t('rules.block.title')
              : t('rules.retire.title')
        }
      >
        {dialog?.kind === 'term' ? (
          <TermForm
            onDone={() => {
              setTab('terms');
              setDialog(null);
            }}
            onCancel={() => setDialog(null)}
          />
        ) : null}
        {dialog?.kind === 'block' ? (
          <BlockForm
            onDone={() => {
              setTab('block');
              setDialog(null);
            }}
            onCancel={() => setDialog(null)}
          />
        ) : null}
        {dialog?.kind === 'retire' ? (
          <RetireConfirm rule={dialog.rule} onDone={() => setDialog(null)} />
        ) : null}
      </Modal>
    </Stack>
  );
}

function Reprocessing({ stale, version }: { stale: number; version: string }) {
  const t = useCollectT();
  // The largest count seen while re-processing, to show how far it has come.
  const peak = useRef(0);
  useEffect(() => {
    if (stale === 0) peak.current = 0;
    else peak.current = Math.max(peak.current, stale);
  }, [stale]);
  const max = Math.max(peak.current, stale);
  return stale > 0 ? (
    <Alert
      color="blue"
      variant="light"
      title={t('rules.reprocessingTitle')}
      data-testid="reprocessing"
    >
      <Stack gap={6}>
        <Text size="sm" role="status">
          {t('rules.reprocessing', { count: stale, n: formatNumber(stale) })}
        </Text>
        {max > stale ? (
          <Progress
            value={((max - stale) / max) * 100}
            size="sm"
            aria-label={t('rules.reprocessingTitle')}
          />
        ) : null}
      </Stack>
    </Alert>
  ) : (
    <Text size="sm" c="dimmed" data-testid="rules-current">
      {t('rules.upToDate', { version })}
    </Text>
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function TermsTable({
  rules,
  editable,
  onRetire,
}: {
  rules: TermRule[];
  editable: boolean;
  onRetire: (r: Rule) => void;
}) {
  const t = useCollectT();
  const o = useOptionalT();
  if (rules.length === 0) {
    return (
      <EmptyState
        py={48}
        px="xl"
        title={t('rules.term.empty')}
        description={t('rules.term.emptyText')}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" fz="sm" data-testid="terms-table">
        <Table.Caption className="visually-hidden">{t('rules.tabs.terms')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rules.columns.patterns')}</Table.Th>
            <Table.Th>{t('rules.columns.category')}</Table.Th>
            <Table.Th>{t('rules.columns.explanation')}</Table.Th>
            <Table.Th>{t('rules.columns.added')}</Table.Th>
            {editable ? (
              <Table.Th>
                <span className="visually-hidden">{t('rules.columns.actions')}</span>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((r) => {
            const patterns = Array.isArray(r.body.patterns) ? r.body.patterns.map(String) : [];
            const category = str(r.body.category) ?? '';
            const evidence = str(r.body.evidence);
            return (
              <Table.Tr key={r.id} data-testid="rule-row">
                <Table.Td maw={280}>
                  <Stack gap={2}>
                    {patterns.map((p, i) => (
                      <Code key={i}>{p}</Code>
                    ))}
                  </Stack>
                  {str(r.body.code) ? (
                    <Text size="xs" c="dimmed" ff="monospace" mt={4}>
                      {str(r.body.code)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm">{o(`facts.category.${category}`, category)}</Text>
                    {evidence ? <EvidenceBadge evidence={evidence} /> : null}
                  </Stack>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm">{str(r.body.explanation)}</Text>
                  {str(r.body.language) && r.body.language !== 'custom' ? (
                    <Text size="xs" c="dimmed">
                      {t('rules.term.languageLine', { language: str(r.body.language) })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}</Table.Td>
                {editable ? (
                  <Table.Td ta="right">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onRetire(r)}
                    >
                      {t('rules.retire.button')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function BlockTable({
  rules,
  editable,
  onRetire,
}: {
  rules: BlockListRule[];
  editable: boolean;
  onRetire: (r: Rule) => void;
}) {
  const t = useCollectT();
  const o = useOptionalT();
  if (rules.length === 0) {
    return (
      <EmptyState
        py={48}
        px="xl"
        title={t('rules.block.empty')}
        description={t('rules.block.emptyText')}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" fz="sm" data-testid="block-table">
        <Table.Caption className="visually-hidden">{t('rules.tabs.block')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rules.columns.kind')}</Table.Th>
            <Table.Th>{t('rules.columns.field')}</Table.Th>
            <Table.Th>{t('rules.columns.match')}</Table.Th>
            <Table.Th>{t('rules.columns.note')}</Table.Th>
            <Table.Th>{t('rules.columns.added')}</Table.Th>
            {editable ? (
              <Table.Th>
                <span className="visually-hidden">{t('rules.columns.actions')}</span>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((r) => {
            const kind = str(r.body.kind) ?? '';
            const field = str(r.body.field);
            return (
              <Table.Tr key={r.id} data-testid="rule-row">
                <Table.Td>{o(`facts.kind.${kind}`, kind)}</Table.Td>
                <Table.Td>
                  {field ? o(`fields.${field}`, field) : t('rules.block.anyField')}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {str(r.body.value) ? (
                      <Text size="sm">
                        {t('rules.block.valueIs')} <Code>{str(r.body.value)}</Code>
                      </Text>
                    ) : null}
                    {str(r.body.pattern) ? (
                      <Text size="sm">
                        {t('rules.block.patternIs')} <Code>{str(r.body.pattern)}</Code>
                      </Text>
                    ) : null}
                    {str(r.body.code) ? (
                      <Text size="sm">
                        {t('rules.block.codeIs')} <Code>{str(r.body.code)}</Code>
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td maw={300}>
                  <Text size="sm">{str(r.body.note) ?? '—'}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}</Table.Td>
                {editable ? (
                  <Table.Td ta="right">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onRetire(r)}
                    >
                      {t('rules.retire.button')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function useAddRule(onDone: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: addRule,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: extractKeys.rules });
      // Facts shown elsewhere change as ads are re-processed.
      void qc.invalidateQueries({ queryKey: ['extract', 'extraction'] });
      onDone();
    },
  });
}

function TermForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const t = useCollectT();
  const o = useOptionalT();
  const [category, setCategory] = useState<IndicatorCategory>('third_party');
  const [evidence, setEvidence] = useState<Evidence>('practitioner');
  const [patterns, setPatterns] = useState('');
  const [explanation, setExplanation] = useState('');
  const [language, setLanguage] = useState('');
  const [weight, setWeight] = useState<number | string>('');
  const [touched, setTouched] = useState(false);
  const add = useAddRule(onDone);
  const list = patterns
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  const patternsError = touched && list.length === 0 ? t('rules.term.patternsRequired') : undefined;
  const explanationError =
    touched && explanation.trim().length < 3 ? t('rules.term.explanationRequired') : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (list.length === 0 || explanation.trim().length < 3) return;
    const rule: CustomTermInput = {
      category,
      evidence,
      patterns: list,
      explanation: explanation.trim(),
      ...(language.trim() ? { language: language.trim().toLowerCase() } : {}),
      ...(typeof weight === 'number' ? { weight } : {}),
    };
    add.mutate({ type: 'custom_term', rule });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('rules.term.intro')}
        </Text>
        <Textarea
          label={t('rules.term.patterns')}
          description={t('rules.term.patternsHint')}
          required
          autosize
          minRows={3}
          value={patterns}
          onChange={(e) => setPatterns(e.currentTarget.value)}
          error={patternsError}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-autofocus
        />
        <NativeSelect
          label={t('rules.term.category')}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value as IndicatorCategory)}
          data={INDICATOR_CATEGORIES.map((c) => ({ value: c, label: o(`facts.category.${c}`, c) }))}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="term-evidence-label">
            {t('rules.term.evidence')}
          </Text>
          <SegmentedControl
            aria-labelledby="term-evidence-label"
            value={evidence}
            onChange={setEvidence}
            data={EVIDENCE_LEVELS.map((e) => ({ value: e, label: o(`facts.evidence.${e}`, e) }))}
          />
          <Text size="xs" c="dimmed">
            {t('rules.term.evidenceHint')}
          </Text>
        </Stack>
        <Textarea
          label={t('rules.term.explanation')}
          description={t('rules.term.explanationHint')}
          required
          autosize
          minRows={2}
          maxLength={400}
          value={explanation}
          onChange={(e) => setExplanation(e.currentTarget.value)}
          error={explanationError}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('rules.term.language')}
            description={t('rules.term.languageHint')}
            value={language}
            maxLength={10}
            onChange={(e) => setLanguage(e.currentTarget.value)}
          />
          <NumberInput
            label={t('rules.term.weight')}
            description={t('rules.term.weightHint')}
            value={weight}
            onChange={setWeight}
            step={0.5}
            decimalScale={2}
          />
        </Group>
        <ErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('rules.term.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function BlockForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const t = useCollectT();
  const o = useOptionalT();
  const [kind, setKind] = useState<FactKind>('indicator');
  const [field, setField] = useState<SpanField | ''>('');
  const [by, setBy] = useState<'value' | 'pattern' | 'code'>('pattern');
  const [match, setMatch] = useState('');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const add = useAddRule(onDone);
  const matchError = touched && !match.trim() ? t('rules.block.matchRequired') : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!match.trim()) return;
    const rule: BlockRuleInput = {
      kind,
      ...(field ? { field } : {}),
      [by]: match.trim(),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    add.mutate({ type: 'block', rule });
  };

  const byOptions = [
    { value: 'pattern', label: t('rules.block.byPattern') },
    { value: 'value', label: t('rules.block.byValue') },
    ...(kind === 'indicator' ? [{ value: 'code', label: t('rules.block.byCode') }] : []),
  ];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('rules.block.intro')}
        </Text>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('rules.block.kind')}
            value={kind}
            onChange={(e) => {
              const k = e.currentTarget.value as FactKind;
              setKind(k);
              if (k !== 'indicator' && by === 'code') setBy('pattern');
            }}
            data={FACT_KINDS.map((k) => ({ value: k, label: o(`facts.kind.${k}`, k) }))}
          />
          <NativeSelect
            label={t('rules.block.field')}
            value={field}
            onChange={(e) => setField(e.currentTarget.value as SpanField | '')}
            data={[
              { value: '', label: t('rules.block.anyField') },
              ...SPAN_FIELDS.map((f) => ({ value: f, label: o(`fields.${f}`, f) })),
            ]}
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="block-by-label">
            {t('rules.block.by')}
          </Text>
          <SegmentedControl
            aria-labelledby="block-by-label"
            value={by}
            onChange={(v) => setBy(v as 'value' | 'pattern' | 'code')}
            data={byOptions}
          />
        </Stack>
        <TextInput
          label={
            by === 'pattern'
              ? t('rules.block.pattern')
              : by === 'value'
                ? t('rules.block.value')
                : t('rules.block.code')
          }
          description={
            by === 'pattern'
              ? t('rules.block.patternHint')
              : by === 'value'
                ? t('rules.block.valueHint')
                : t('rules.block.codeHint')
          }
          required
          value={match}
          maxLength={by === 'value' ? 500 : 200}
          onChange={(e) => setMatch(e.currentTarget.value)}
          error={matchError}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Textarea
          label={t('rules.block.note')}
          description={t('rules.block.noteHint')}
          autosize
          minRows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <ErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('rules.block.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RetireConfirm({ rule, onDone }: { rule: Rule; onDone: () => void }) {
  const t = useCollectT();
  const qc = useQueryClient();
  const retire = useMutation({
    mutationFn: () => retireRule(rule.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: extractKeys.rules });
      void qc.invalidateQueries({ queryKey: ['extract', 'extraction'] });
      onDone();
    },
  });
  return (
    <Stack gap="md">
      <Text size="sm">{t('rules.retire.text')}</Text>
      <ErrorAlert error={retire.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={retire.isPending} onClick={() => retire.mutate()}>
          {t('rules.retire.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

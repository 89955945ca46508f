// A template, written or read: name, language, purpose, its variants with live figures and marked
// risky words, fallbacks for missing values and the WhatsApp template name; who wrote, approved or
// retired it and when; and the review (approve with the safety words confirmed, retire). A draft is
// edited by its author or a supervisor; an approved or retired text is never changed, only copied
// into a new draft. Admins read a template with no action at all: no copy, no review.
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { canEditTemplate, canWriteTemplates } from './access';
import {
  createTemplate,
  FALLBACK_LIMITS,
  MAX_VARIANTS,
  OUTREACH_LANGUAGES,
  setupKeys,
  TEMPLATE_PURPOSES,
  updateTemplate,
  type OutreachLanguage,
  type Template,
  type TemplateDraft,
  type TemplatePurpose,
} from './api';
import { formatDateTime, languageName } from '../ui/format';
import { useSetupT } from './i18n';
import { useNameOf } from './people';
import { TemplateReview } from './TemplateReview';
import { StatusBadge } from './TemplateList';
import { VariantEditor, VariantView } from './VariantField';

const WHATSAPP_NAME = /^[a-z0-9_]{1,512}$/;

interface VariantItem {
  key: number;
  text: string;
}

interface FormState {
  name: string;
  language: OutreachLanguage;
  purpose: TemplatePurpose;
  variants: VariantItem[];
  fallbackName: string;
  fallbackCity: string;
  whatsappTemplate: string;
}

let nextKey = 1;
const item = (text: string): VariantItem => ({ key: nextKey++, text });

function formOf(d: TemplateDraft): FormState {
  return {
    name: d.name,
    language: d.language,
    purpose: d.purpose,
    variants: (d.variants.length ? d.variants : ['']).map(item),
    fallbackName: d.fallbacks.displayName ?? '',
    fallbackCity: d.fallbacks.city ?? '',
    whatsappTemplate: d.whatsappTemplate ?? '',
  };
}

/** What the server receives: trimmed, empty fallbacks and WhatsApp name left out. */
function draftOf(f: FormState): TemplateDraft {
  const fallbacks: TemplateDraft['fallbacks'] = {};
  if (f.fallbackName.trim()) fallbacks.displayName = f.fallbackName.trim();
  if (f.fallbackCity.trim()) fallbacks.city = f.fallbackCity.trim();
  return {
    name: f.name.trim(),
    language: f.language,
    purpose: f.purpose,
    variants: f.variants.map((v) => v.text.replace(/\r\n?/g, '\n').trim()),
    fallbacks,
    whatsappTemplate: f.whatsappTemplate.trim() || null,
  };
}

export function templateDraft(t: Template): TemplateDraft {
  return {
    name: t.name,
    language: t.language,
    purpose: t.purpose,
    variants: t.variants.map((v) => v.text),
    fallbacks: {
      ...(t.fallbacks.displayName ? { displayName: t.fallbacks.displayName } : {}),
      ...(t.fallbacks.city ? { city: t.fallbacks.city } : {}),
    },
    whatsappTemplate: t.whatsappTemplate,
  };
}

export const emptyDraft = (language: OutreachLanguage): TemplateDraft => ({
  name: '',
  language,
  purpose: 'first_contact',
  variants: [''],
  fallbacks: {},
  whatsappTemplate: null,
});

export function TemplateEditor({
  template,
  seed,
  onSaved,
  onCopy,
  onBack,
}: {
  /** The stored template, or null for a new one. */
  template: Template | null;
  /** What a new template starts from (a copy of another, or empty). */
  seed: TemplateDraft;
  onSaved: (t: Template) => void;
  onCopy: (d: TemplateDraft) => void;
  onBack: () => void;
}) {
  const t = useSetupT();
  const { user, capabilities } = useCurrentSession();
  const qc = useQueryClient();
  const [form, setForm] = useState<FormState>(() =>
    formOf(template ? templateDraft(template) : seed),
  );
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);
  const writer = canWriteTemplates(capabilities);
  const editable = template ? canEditTemplate(template, user) : writer;
  const draft = draftOf(form);
  const dirty = template
    ? JSON.stringify(draft) !== JSON.stringify(draftOf(formOf(templateDraft(template))))
    : true;

  const save = useMutation({
    mutationFn: (d: TemplateDraft) =>
      template ? updateTemplate(template.id, d) : createTemplate(d),
    onSuccess: (stored) => {
      setForm(formOf(templateDraft(stored)));
      setSaved(true);
      void qc.invalidateQueries({ queryKey: setupKeys.allTemplates });
      onSaved(stored);
    },
  });

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const setVariant = (key: number, text: string) => {
    setSaved(false);
    setForm((f) => ({
      ...f,
      variants: f.variants.map((v) => (v.key === key ? { key, text } : v)),
    }));
  };

  const nameMissing = checked && draft.name === '';
  const emptyVariant = (text: string) => checked && text.trim() === '';
  const whatsappBad =
    draft.whatsappTemplate !== null && !WHATSAPP_NAME.test(draft.whatsappTemplate);

  const submit = () => {
    setChecked(true);
    if (draft.name === '' || draft.variants.some((v) => v === '') || whatsappBad) return;
    save.mutate(draft);
  };

  return (
    <Stack gap="lg" data-testid="template-editor">
      <Group justify="space-between">
        <Button variant="subtle" onClick={onBack} px={0}>
          ← {t('editor.back')}
        </Button>
        {template && writer ? (
          <Button variant="default" onClick={() => onCopy(templateDraft(template))}>
            {t('editor.copy')}
          </Button>
        ) : null}
      </Group>
      <Group gap="sm" align="center">
        <Title order={2} size="h3">
          {template ? template.name : t('editor.newTitle')}
        </Title>
        {template ? <StatusBadge status={template.status} /> : null}
      </Group>
      {template ? <TemplateMeta template={template} /> : null}

      {editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          noValidate
        >
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('editor.name')}
                description={t('editor.nameHint')}
                value={form.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                maxLength={100}
                required
                error={nameMissing ? t('editor.required') : undefined}
              />
              <NativeSelect
                label={t('editor.language')}
                value={form.language}
                onChange={(e) => set('language', e.currentTarget.value as OutreachLanguage)}
                data={OUTREACH_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
              />
              <NativeSelect
                label={t('editor.purpose')}
                description={t(`purposeHint.${form.purpose}`)}
                value={form.purpose}
                onChange={(e) => set('purpose', e.currentTarget.value as TemplatePurpose)}
                data={TEMPLATE_PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
              />
            </SimpleGrid>

            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('editor.variants')}
              </Title>
              <Text size="sm" c="dimmed" maw={720}>
                {t('editor.variantsHint')}
              </Text>
              {form.variants.map((v, i) => (
                <VariantEditor
                  key={v.key}
                  index={i}
                  text={v.text}
                  language={form.language}
                  onChange={(text) => setVariant(v.key, text)}
                  onRemove={
                    form.variants.length > 1
                      ? () =>
                          set(
                            'variants',
                            form.variants.filter((x) => x.key !== v.key),
                          )
                      : null
                  }
                  error={emptyVariant(v.text) ? t('editor.variantEmpty') : null}
                />
              ))}
              <Group>
                <Button
                  variant="default"
                  disabled={form.variants.length >= MAX_VARIANTS}
                  onClick={() => set('variants', [...form.variants, item('')])}
                >
                  {t('editor.addVariant')}
                </Button>
                {form.variants.length >= MAX_VARIANTS ? (
                  <Text size="xs" c="dimmed">
                    {t('editor.maxVariants', { max: MAX_VARIANTS })}
                  </Text>
                ) : null}
              </Group>
            </Stack>

            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('editor.fallbacks')}
              </Title>
              <Text size="sm" c="dimmed" maw={720}>
                {t('editor.fallbacksHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('editor.fallbackName')}
                  value={form.fallbackName}
                  onChange={(e) => set('fallbackName', e.currentTarget.value)}
                  maxLength={FALLBACK_LIMITS.displayName}
                />
                <TextInput
                  label={t('editor.fallbackCity')}
                  value={form.fallbackCity}
                  onChange={(e) => set('fallbackCity', e.currentTarget.value)}
                  maxLength={FALLBACK_LIMITS.city}
                />
              </SimpleGrid>
            </Stack>

            <TextInput
              label={t('editor.whatsapp')}
              description={t('editor.whatsappHint')}
              value={form.whatsappTemplate}
              onChange={(e) => set('whatsappTemplate', e.currentTarget.value)}
              maxLength={512}
              maw={480}
              classNames={{ input: 'mono-input' }}
              error={whatsappBad ? t('editor.whatsappInvalid') : undefined}
            />

            <ErrorAlert
              error={save.error}
              onClose={() => save.reset()}
              title={t('editor.saveFailed')}
            />
            <Group>
              <Button type="submit" loading={save.isPending} disabled={template !== null && !dirty}>
                {template ? t('editor.save') : t('editor.saveNew')}
              </Button>
              {template && dirty ? (
                <Text size="sm" c="orange.8" data-testid="unsaved">
                  {t('editor.unsaved')}
                </Text>
              ) : null}
              {saved && !dirty ? (
                <Text size="sm" c="teal.8" role="status">
                  {t('editor.saved')}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </form>
      ) : template ? (
        <ReadOnlyTemplate template={template} />
      ) : null}

      {template && template.warnings.length > 0 ? (
        <Alert
          variant="light"
          color="yellow"
          title={t('editor.warnings')}
          data-testid="template-warnings"
        >
          <Stack gap={4} component="ul" m={0} pl="md">
            {template.warnings.map((w, i) => (
              <Text component="li" size="sm" key={`${w.code}-${w.variant ?? 'all'}-${i}`}>
                {w.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}

      {template && writer ? (
        <TemplateReview template={template} dirty={dirty} onChanged={onSaved} />
      ) : null}
    </Stack>
  );
}

function TemplateMeta({ template }: { template: Template }) {
  const t = useSetupT();
  const nameOf = useNameOf();
  return (
    <Stack gap={2} data-testid="template-meta">
      <Text size="sm">
        {t('meta.written', {
          name: nameOf(template.createdBy),
          date: formatDateTime(template.createdAt),
        })}
        {template.updatedAt !== template.createdAt && template.status === 'draft'
          ? ` · ${t('meta.changed', { date: formatDateTime(template.updatedAt) })}`
          : ''}
      </Text>
      {template.approvedAt ? (
        <Text size="sm" data-testid="approved-by">
          {t('meta.approved', {
            name: nameOf(template.approvedBy),
            date: formatDateTime(template.approvedAt),
          })}
          {template.safetyConfirmedBy
            ? ` · ${t('meta.safetyConfirmed', { name: nameOf(template.safetyConfirmedBy) })}`
            : ''}
        </Text>
      ) : null}
      {template.retiredAt ? (
        <Text size="sm">
          {t('meta.retired', {
            name: nameOf(template.retiredBy),
            date: formatDateTime(template.retiredAt),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}

function ReadOnlyTemplate({ template }: { template: Template }) {
  const t = useSetupT();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={t('editor.language')} value={languageName(template.language)} />
        <Field label={t('editor.purpose')} value={t(`purpose.${template.purpose}`)} />
        <Field label={t('editor.whatsapp')} value={template.whatsappTemplate ?? '—'} mono />
      </SimpleGrid>
      {template.status === 'draft' ? (
        <Text size="sm" c="dimmed">
          {t('editor.readOnlyDraft')}
        </Text>
      ) : null}
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('editor.variants')}
        </Title>
        {template.variants.map((v, i) => (
          <VariantView
            key={i}
            index={i}
            variant={v}
            hits={template.safetyHits.filter((h) => (h.variant ?? 0) === i)}
          />
        ))}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Field label={t('editor.fallbackName')} value={template.fallbacks.displayName ?? '—'} />
        <Field label={t('editor.fallbackCity')} value={template.fallbacks.city ?? '—'} />
      </SimpleGrid>
    </Stack>
  );
}

function Field({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <Paper>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

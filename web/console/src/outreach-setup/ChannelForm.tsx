// The form that creates or updates a channel: name, kind, sender, on/off, and the kind's settings
// as its JSON Schema describes them. On an update every stored setting is filled in from what the
// server sends back (GET /api/outreach/channels/:id, secrets left out); secrets are password fields
// that stay empty, and an empty one keeps the stored value (same kind only). The sender warning
// looks at what people will see: for SMS, the setting the provider sends from.
import {
  Alert,
  Button,
  Checkbox,
  Collapse,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';
import { saveChannel, type ChannelDetail, type ChannelKind, type SavedChannel } from './api';
import { useOptionalSetupT, useSetupT, type SetupT } from './i18n';
import { effectiveSender, isNameSender, senderField, SMS_KINDS } from './sender';
import {
  buildSettings,
  fieldId,
  fieldsOf,
  initialValues,
  valuesFrom,
  type FieldError,
  type FieldSpec,
  type FormValues,
} from './settings-form';

function errorText(t: SetupT, e: FieldError): string {
  return 'limit' in e
    ? t(`channels.errors.${e.code}`, { limit: e.limit })
    : t(`channels.errors.${e.code}`);
}

export function ChannelForm({
  kinds,
  channel,
  onSaved,
  onCancel,
}: {
  kinds: ChannelKind[];
  /** The channel being changed, with its settings as the server sends them back; null: a new one. */
  channel: ChannelDetail | null;
  onSaved: (saved: SavedChannel) => void;
  onCancel: () => void;
}) {
  const t = useSetupT();
  const o = useOptionalSetupT();
  const [name, setName] = useState(channel?.name ?? '');
  const [kind, setKind] = useState(channel?.kind ?? kinds[0]?.kind ?? '');
  const [sender, setSender] = useState(channel?.sender ?? '');
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const spec = kinds.find((k) => k.kind === kind);
  // On an update of the same kind, empty secrets keep the stored ones: not required here.
  const keepsSecrets = channel !== null && channel.kind === kind;
  const fields = useMemo(
    () =>
      (spec ? fieldsOf(spec.settingsSchema) : []).map((f) =>
        keepsSecrets && f.kind === 'secret' ? { ...f, required: false } : f,
      ),
    [spec, keepsSecrets],
  );
  const [values, setValues] = useState<FormValues>(() =>
    channel ? valuesFrom(fields, channel.settings) : initialValues(fields),
  );
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [nameMissing, setNameMissing] = useState(false);
  const [more, setMore] = useState(false);

  const save = useMutation({ mutationFn: saveChannel, onSuccess: onSaved });

  const changeKind = (next: string) => {
    setKind(next);
    const nextSpec = kinds.find((k) => k.kind === next);
    const nextFields = nextSpec ? fieldsOf(nextSpec.settingsSchema) : [];
    // Back to the stored kind: its stored settings again, rather than an empty form.
    setValues(
      channel && channel.kind === next
        ? valuesFrom(nextFields, channel.settings)
        : initialValues(nextFields),
    );
    setErrors({});
  };

  const sendsFrom = senderField(kind, fields);
  const sendsAs = effectiveSender(kind, fields, values, sender);
  const essential = fields.filter((f) => f.required);
  const optional = fields.filter((f) => !f.required);
  const optionalErrors = optional.some((f) => errors[fieldId(f.path)]);

  const submit = () => {
    const built = buildSettings(fields, values);
    setErrors(built.errors);
    setNameMissing(name.trim() === '');
    if (Object.keys(built.errors).length > 0) {
      if (optional.some((f) => built.errors[fieldId(f.path)])) setMore(true);
      return;
    }
    if (name.trim() === '' || !spec) return;
    save.mutate({
      name: name.trim(),
      kind: spec.kind,
      sender: sender.trim() || null,
      enabled,
      settings: built.settings,
    });
  };

  const field = (f: FieldSpec) => (
    <SettingField
      key={fieldId(f.path)}
      field={f}
      value={values[fieldId(f.path)]}
      error={errors[fieldId(f.path)]}
      keepsSecret={keepsSecrets}
      onChange={(v) => setValues((prev) => ({ ...prev, [fieldId(f.path)]: v }))}
    />
  );

  return (
    <Paper withBorder radius="md" p="lg" data-testid="channel-form">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h4">
            {channel ? t('channels.editTitle', { name: channel.name }) : t('channels.newTitle')}
          </Title>
          {channel ? (
            <Alert variant="light" color="blue" data-testid="update-note">
              <Stack gap={4}>
                <Text size="sm">{t('channels.updateNote')}</Text>
                <Text size="sm">
                  {keepsSecrets ? t('channels.updateSecretsKept') : t('channels.updateKindChanged')}
                </Text>
              </Stack>
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('channels.form.name')}
              description={channel ? t('channels.form.nameFixed') : t('channels.form.nameHint')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              readOnly={channel !== null}
              maxLength={80}
              required
              error={nameMissing ? t('channels.errors.required') : undefined}
            />
            <NativeSelect
              label={t('channels.form.kind')}
              value={kind}
              onChange={(e) => changeKind(e.currentTarget.value)}
              data={kinds.map((k) => ({
                value: k.kind,
                label: o(`channels.kinds.${k.kind}`, k.label),
              }))}
            />
            <Stack gap={4}>
              <TextInput
                label={t('channels.form.sender')}
                description={
                  sendsFrom
                    ? t('channels.senderFromSetting', { setting: sendsFrom.label })
                    : spec?.senderHint
                      ? o(`channels.senderHints.${kind}`, spec.senderHint)
                      : undefined
                }
                value={sender}
                onChange={(e) => setSender(e.currentTarget.value)}
                maxLength={120}
              />
              {SMS_KINDS.has(kind) && isNameSender(sendsAs) ? (
                <Text size="xs" c="orange.8" role="status" data-testid="sender-name-hint">
                  {t('channels.senderIsName', { sender: sendsAs })}
                </Text>
              ) : null}
            </Stack>
            <Switch
              mt="xl"
              label={t('channels.form.enabled')}
              checked={enabled}
              onChange={(e) => setEnabled(e.currentTarget.checked)}
            />
          </SimpleGrid>

          {fields.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('channels.noSettings')}
            </Text>
          ) : (
            <Stack gap="sm">
              <Title order={3} size="h5">
                {t('channels.settings')}
              </Title>
              <Grouped fields={essential} render={field} />
              {optional.length > 0 ? (
                <>
                  <UnstyledButton
                    onClick={() => setMore((m) => !m)}
                    aria-expanded={more}
                    c={optionalErrors ? 'red' : 'ariadne'}
                    fz="sm"
                    fw={500}
                  >
                    {more ? '▾' : '▸'} {t('channels.more', { count: optional.length })}
                  </UnstyledButton>
                  <Collapse expanded={more}>
                    <Stack gap="sm">
                      <Text size="xs" c="dimmed">
                        {t('channels.moreHint')}
                      </Text>
                      <Grouped fields={optional} render={field} />
                    </Stack>
                  </Collapse>
                </>
              ) : null}
            </Stack>
          )}

          <ErrorAlert
            error={save.error}
            onClose={() => save.reset()}
            title={t('channels.saveFailed')}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {channel ? t('channels.saveChanges') : t('channels.create')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Fields in their groups (an SMTP block under its own heading), two to a row. */
function Grouped({ fields, render }: { fields: FieldSpec[]; render: (f: FieldSpec) => ReactNode }) {
  const groups = [...new Set(fields.map((f) => f.group))];
  return (
    <Stack gap="sm">
      {groups.map((g) => (
        <Stack gap={6} key={g ?? ''} role={g ? 'group' : undefined} aria-label={g ?? undefined}>
          {g ? (
            <Text size="sm" fw={600}>
              {g}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {fields.filter((f) => f.group === g).map(render)}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}

function SettingField({
  field: f,
  value,
  error,
  keepsSecret,
  onChange,
}: {
  field: FieldSpec;
  value: string | number | boolean | undefined;
  error: FieldError | undefined;
  keepsSecret: boolean;
  onChange: (v: string | number | boolean) => void;
}) {
  const t = useSetupT();
  const message = error ? errorText(t, error) : undefined;
  const hasDefault = f.default !== undefined && f.default !== null && f.default !== '';
  const placeholder = hasDefault ? t('channels.default', { value: String(f.default) }) : undefined;
  const common = {
    label: f.label,
    description: f.description ?? undefined,
    required: f.required,
    error: message,
  };
  switch (f.kind) {
    case 'boolean':
      return (
        <Checkbox
          mt="md"
          label={f.label}
          description={f.description ?? undefined}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={message}
        />
      );
    case 'secret':
      return (
        <PasswordInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          autoComplete="new-password"
          placeholder={keepsSecret ? t('channels.keepSecret') : undefined}
          data-secret="true"
        />
      );
    case 'number':
    case 'integer':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v)}
          allowDecimal={f.kind === 'number'}
          min={f.minimum ?? undefined}
          max={f.maximum ?? undefined}
          clampBehavior="none"
          placeholder={placeholder}
          hideControls
        />
      );
    case 'enum':
      return (
        <NativeSelect
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          data={[
            ...(f.required ? [] : [{ value: '', label: placeholder ?? t('channels.notSet') }]),
            ...f.options.map((v) => ({ value: v, label: v })),
          ]}
        />
      );
    case 'json':
      return (
        <Textarea
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          ff="monospace"
          autosize
          minRows={2}
          placeholder={hasDefault ? JSON.stringify(f.default) : undefined}
        />
      );
    case 'string':
      return (
        <TextInput
          {...common}
          type={f.format === 'email' ? 'email' : f.format === 'uri' ? 'url' : 'text'}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          placeholder={placeholder}
          maxLength={f.maxLength ?? undefined}
        />
      );
  }
}

// Admin → Users: every account, and the few things an admin does with one — create, change the
// role, disable or enable, reset (new one-time password, two-step cleared).
import {
  ActionIcon,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createUser,
  listPartnerOrgs,
  listUsers,
  resetUser,
  updateUser,
  type NewUser,
} from '../api/endpoints';
import { ROLES, type AdminUser, type PartnerOrg, type Role } from '../api/types';
import { useCurrentSession } from '../auth/session';
import { currentLocale } from '../i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconDots } from '../ui/icons';
import { PanelIntro } from './AdminPage';
import { OneTimePassword } from './OneTimePassword';

export const USERS_KEY = ['admin', 'users'] as const;
export const PARTNER_ORGS_KEY = ['admin', 'partner-orgs'] as const;

type Dialog =
  | { kind: 'create' }
  | { kind: 'role'; user: AdminUser }
  | { kind: 'disable'; user: AdminUser }
  | { kind: 'reset'; user: AdminUser }
  | { kind: 'password'; name: string; email: string; password: string };

function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function UsersPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { user: me } = useCurrentSession();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: listUsers });
  const orgs = useQuery({ queryKey: PARTNER_ORGS_KEY, queryFn: listPartnerOrgs });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: USERS_KEY });

  const enable = useMutation({
    mutationFn: (id: string) => updateUser(id, { disabled: false }),
    onSettled: refresh,
  });

  const status = (u: AdminUser) => {
    if (u.disabled) return <Badge color="gray">{t('admin.users.disabled')}</Badge>;
    if (u.lockedUntil)
      return (
        <Badge color="orange" variant="light">
          {t('admin.users.locked', { until: formatDate(u.lockedUntil) })}
        </Badge>
      );
    return (
      <Badge color="green" variant="light">
        {t('admin.users.active')}
      </Badge>
    );
  };

  const rows = (users.data ?? []).map((u) => {
    const self = u.id === me.id;
    return (
      <Table.Tr key={u.id} data-testid="user-row">
        <Table.Td>
          <Text size="sm" fw={500}>
            {u.displayName}
            {self ? (
              <Text span c="dimmed" size="sm">
                {' '}
                ({t('common.you')})
              </Text>
            ) : null}
          </Text>
          <Text size="xs" c="dimmed">
            {u.email}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{t(`roles.${u.role}`)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{u.partnerOrgName ?? '—'}</Text>
        </Table.Td>
        <Table.Td>
          {u.totpEnrolled ? (
            <Badge color="green" variant="light">
              {t('admin.users.twoFactorOn')}
            </Badge>
          ) : (
            <Badge color="gray" variant="outline">
              {t('admin.users.twoFactorOff')}
            </Badge>
          )}
        </Table.Td>
        <Table.Td>{status(u)}</Table.Td>
        <Table.Td>
          <Text size="sm" c={u.lastLoginAt ? undefined : 'dimmed'}>
            {u.lastLoginAt ? formatDate(u.lastLoginAt) : t('admin.users.never')}
          </Text>
        </Table.Td>
        <Table.Td ta="right">
          {self ? null : (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('admin.users.actionsFor', { name: u.displayName })}
                >
                  <IconDots />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setDialog({ kind: 'role', user: u })}>
                  {t('admin.users.changeRole')}
                </Menu.Item>
                {u.disabled ? (
                  <Menu.Item onClick={() => enable.mutate(u.id)}>
                    {t('admin.users.enable')}
                  </Menu.Item>
                ) : (
                  <Menu.Item onClick={() => setDialog({ kind: 'disable', user: u })}>
                    {t('admin.users.disable')}
                  </Menu.Item>
                )}
                <Menu.Divider />
                <Menu.Item color="red" onClick={() => setDialog({ kind: 'reset', user: u })}>
                  {t('admin.users.reset')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Table.Td>
      </Table.Tr>
    );
  });

  const modalTitle = (() => {
    switch (dialog?.kind) {
      case undefined:
        return '';
      case 'create':
        return t('admin.users.createTitle');
      case 'role':
        return t('admin.users.roleTitle', { name: dialog.user.displayName });
      case 'disable':
        return t('admin.users.disableTitle', { name: dialog.user.displayName });
      case 'reset':
        return t('admin.users.resetTitle', { name: dialog.user.displayName });
      case 'password':
        return t('admin.users.otpTitle');
    }
  })();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <PanelIntro>{t('admin.users.intro')}</PanelIntro>
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('admin.users.new')}</Button>
      </Group>
      <ErrorAlert error={enable.error} onClose={() => enable.reset()} />
      <Paper withBorder radius="md">
        {users.isPending ? (
          <Center py="xl">
            <Loader size="sm" role="status" aria-label={t('app.loading')} />
          </Center>
        ) : users.isError ? (
          <Stack p="md">
            <ErrorAlert error={users.error} />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Caption style={{ captionSide: 'top' }} className="visually-hidden">
                {t('admin.users.tableLabel')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.users.columns.user')}</Table.Th>
                  <Table.Th>{t('admin.users.columns.role')}</Table.Th>
                  <Table.Th>{t('admin.users.columns.partnerOrg')}</Table.Th>
                  <Table.Th>{t('admin.users.columns.twoFactor')}</Table.Th>
                  <Table.Th>{t('admin.users.columns.status')}</Table.Th>
                  <Table.Th>{t('admin.users.columns.lastLogin')}</Table.Th>
                  <Table.Th ta="right">
                    <span className="visually-hidden">{t('admin.users.columns.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{rows}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Modal
        opened={dialog !== null}
        onClose={close}
        title={modalTitle}
        size={dialog?.kind === 'create' || dialog?.kind === 'password' ? 'lg' : 'md'}
        // The one-time password must not vanish on a stray click or Escape.
        closeOnClickOutside={dialog?.kind !== 'password'}
        closeOnEscape={dialog?.kind !== 'password'}
        withCloseButton={dialog?.kind !== 'password'}
      >
        {dialog?.kind === 'create' ? (
          <CreateUserForm
            orgs={orgs.data ?? []}
            onCancel={close}
            onCreated={(name, email, password) => {
              refresh();
              setDialog({ kind: 'password', name, email, password });
            }}
          />
        ) : null}
        {dialog?.kind === 'role' ? (
          <RoleForm
            user={dialog.user}
            orgs={orgs.data ?? []}
            onCancel={close}
            onSaved={() => {
              refresh();
              close();
            }}
          />
        ) : null}
        {dialog?.kind === 'disable' ? (
          <ConfirmAction
            text={t('admin.users.disableText')}
            confirm={t('admin.users.disable')}
            action={() => updateUser(dialog.user.id, { disabled: true })}
            onCancel={close}
            onDone={() => {
              refresh();
              close();
            }}
          />
        ) : null}
        {dialog?.kind === 'reset' ? (
          <ConfirmAction
            text={t('admin.users.resetText')}
            confirm={t('admin.users.resetConfirm')}
            action={() => resetUser(dialog.user.id)}
            onCancel={close}
            onDone={(password) => {
              refresh();
              setDialog({
                kind: 'password',
                name: dialog.user.displayName,
                email: dialog.user.email,
                password,
              });
            }}
          />
        ) : null}
        {dialog?.kind === 'password' ? (
          <OneTimePassword
            name={dialog.name}
            email={dialog.email}
            password={dialog.password}
            onDone={close}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

function roleOptions(t: (key: `roles.${Role}`) => string) {
  return ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);

function PartnerOrgField({
  orgs,
  value,
  onChange,
  error,
}: {
  orgs: PartnerOrg[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  if (orgs.length === 0) {
    return (
      <Text size="sm" c="orange.8">
        {t('admin.users.noPartnerOrgs')}{' '}
        <Link to="/admin/partner-orgs">{t('admin.tabs.partnerOrgs')}</Link>
      </Text>
    );
  }
  return (
    <NativeSelect
      label={t('admin.users.partnerOrg')}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data={[
        { value: '', label: t('admin.users.choosePartnerOrg'), disabled: true },
        ...orgs.map((o) => ({ value: o.id, label: o.name })),
      ]}
    />
  );
}

function CreateUserForm({
  orgs,
  onCancel,
  onCreated,
}: {
  orgs: PartnerOrg[];
  onCancel: () => void;
  onCreated: (name: string, email: string, password: string) => void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('outreach_worker');
  const [partnerOrgId, setPartnerOrgId] = useState('');
  const [checked, setChecked] = useState(false);
  const create = useMutation({
    mutationFn: (input: NewUser) => createUser(input),
    onSuccess: (r) => onCreated(r.user.displayName, r.user.email, r.oneTimePassword),
  });
  const orgMissing = role === 'partner' && !partnerOrgId;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (orgMissing) return;
    create.mutate({
      email: email.trim(),
      displayName: displayName.trim(),
      role,
      ...(role === 'partner' ? { partnerOrgId } : {}),
    });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <TextInput
          label={t('admin.users.email')}
          type="email"
          name="email"
          autoComplete="off"
          required
          data-autofocus
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <TextInput
          label={t('admin.users.displayName')}
          name="displayName"
          autoComplete="off"
          required
          maxLength={120}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('admin.users.role')}
          value={role}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isRole(v)) setRole(v);
          }}
          data={roleOptions(t)}
        />
        {role === 'partner' ? (
          <PartnerOrgField
            orgs={orgs}
            value={partnerOrgId}
            onChange={setPartnerOrgId}
            error={checked && orgMissing ? t('admin.users.partnerOrgRequired') : undefined}
          />
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('admin.users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RoleForm({
  user,
  orgs,
  onCancel,
  onSaved,
}: {
  user: AdminUser;
  orgs: PartnerOrg[];
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const [partnerOrgId, setPartnerOrgId] = useState(user.partnerOrgId ?? '');
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      updateUser(user.id, { role, partnerOrgId: role === 'partner' ? partnerOrgId : null }),
    onSuccess: onSaved,
  });
  const orgMissing = role === 'partner' && !partnerOrgId;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!orgMissing) save.mutate();
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <ErrorAlert error={save.error} />
        <NativeSelect
          label={t('admin.users.role')}
          value={role}
          data-autofocus
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isRole(v)) setRole(v);
          }}
          data={roleOptions(t)}
        />
        {role === 'partner' ? (
          <PartnerOrgField
            orgs={orgs}
            value={partnerOrgId}
            onChange={setPartnerOrgId}
            error={checked && orgMissing ? t('admin.users.partnerOrgRequired') : undefined}
          />
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ConfirmAction<T>({
  text,
  confirm,
  action,
  onCancel,
  onDone,
}: {
  text: string;
  confirm: string;
  action: () => Promise<T>;
  onCancel: () => void;
  onDone: (result: T) => void;
}) {
  const { t } = useTranslation();
  const run = useMutation({ mutationFn: action, onSuccess: onDone });
  return (
    <Stack gap="md">
      <Text size="sm">{text}</Text>
      <ErrorAlert error={run.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={run.isPending} onClick={() => run.mutate()}>
          {confirm}
        </Button>
      </Group>
    </Stack>
  );
}

// Administration: users, partner organisations and outreach channels, for admins only (the server
// checks this too; hiding it here only spares others a page they cannot use).
import { EmptyState, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { useSetupT } from '../outreach-setup/i18n';
import { IconAdmin } from '../ui/icons';
import { RetentionPanel } from './RetentionPanel';

type AdminTab = 'users' | 'partner-orgs' | 'channels';

function tabOf(pathname: string): AdminTab {
  if (pathname.startsWith('/admin/partner-orgs')) return 'partner-orgs';
  if (pathname.startsWith('/admin/channels')) return 'channels';
  return 'users';
}

export function AdminPage() {
  const { t } = useTranslation();
  const { capabilities } = useCurrentSession();
  const setupT = useSetupT();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const tab = tabOf(pathname);
  usePageTitle(t('admin.title'));

  if (!capabilities.manageUsers) {
    return (
      <Paper withBorder radius="md" py={56} px="xl">
        <EmptyState
          icon={<IconAdmin size={28} />}
          withIndicatorBackground
          title={t('noAccess.title')}
          description={t('noAccess.description')}
        />
      </Paper>
    );
  }

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('admin.title')}
      </Title>
      <Tabs
        value={tab}
        onChange={(v) => {
          if (v === 'partner-orgs') void navigate({ to: '/admin/partner-orgs' });
          else if (v === 'users') void navigate({ to: '/admin/users' });
          else if (v === 'channels') void navigate({ to: '/admin/channels' });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="users">{t('admin.tabs.users')}</Tabs.Tab>
          <Tabs.Tab value="partner-orgs">{t('admin.tabs.partnerOrgs')}</Tabs.Tab>
          <Tabs.Tab value="channels">{setupT('channels.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <Outlet />
        </Tabs.Panel>
        <Tabs.Panel value="partner-orgs">
          <Outlet />
        </Tabs.Panel>
        <Tabs.Panel value="channels">
          <Outlet />
        </Tabs.Panel>
      </Tabs>
      <RetentionPanel />
    </Stack>
  );
}

export function PanelIntro({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed" maw={720}>
      {children}
    </Text>
  );
}

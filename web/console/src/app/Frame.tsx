// The app frame around every section: header (who is signed in, language, sign-out), the
// navigation (with the inbox's unread badge for those who hold conversations), and the page.
import {
  Alert,
  Anchor,
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Divider,
  Group,
  NavLink,
  Stack,
  Text,
  type NavLinkProps,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { createLink, Outlet, useRouterState } from '@tanstack/react-router';
import { forwardRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveLanguage } from '../api/endpoints';
import { canReadAuditLog } from '../audit/access';
import { useAuditT } from '../audit/i18n';
import type { Language } from '../api/types';
import { ChangePasswordDialog } from '../auth/ChangePasswordDialog';
import { useCurrentSession } from '../auth/session';
import { sectionsFor } from '../collect/nav';
import { currentLanguage } from '../i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { SavedSearchAlerts } from '../searches/SavedSearchAlerts';
import { orderSections } from '../triage/nav';
import { useChatWaiting } from '../chat/waiting';
import { canSeeTemplates } from '../outreach-setup/access';
import { useUnreadCount } from '../outreach/hooks';
import { useOutreachT } from '../outreach/i18n';
import {
  IconAdmin,
  IconAds,
  IconChat,
  IconAudit,
  IconCases,
  IconInbox,
  IconInsights,
  IconPartners,
  IconTemplates,
  IconRules,
  IconSignOut,
  IconSources,
  IconTriage,
  IconVault,
  Logo,
} from '../ui/icons';

const MantineNavAnchor = forwardRef<HTMLAnchorElement, NavLinkProps>((props, ref) => (
  <NavLink component="a" ref={ref} {...props} />
));
MantineNavAnchor.displayName = 'MantineNavAnchor';
const RouterNavLink = createLink(MantineNavAnchor);

type NavKey =
  | 'sources'
  | 'ads'
  | 'rules'
  | 'triage'
  | 'inbox'
  | 'chatLine'
  | 'templates'
  | 'cases'
  | 'partners'
  | 'referrals'
  | 'vaultRequests'
  | 'insights';

const SECTIONS: { key: NavKey; to: string; icon: ReactNode }[] = [
  { key: 'sources', to: '/sources', icon: <IconSources /> },
  { key: 'ads', to: '/ads', icon: <IconAds /> },
  { key: 'rules', to: '/rules', icon: <IconRules /> },
  { key: 'triage', to: '/triage', icon: <IconTriage /> },
  { key: 'inbox', to: '/inbox', icon: <IconInbox /> },
  { key: 'chatLine', to: '/chat-line', icon: <IconChat /> },
  { key: 'templates', to: '/templates', icon: <IconTemplates /> },
  { key: 'cases', to: '/cases', icon: <IconCases /> },
  { key: 'referrals', to: '/referrals', icon: <IconInbox /> },
  { key: 'partners', to: '/partners', icon: <IconPartners /> },
  { key: 'vaultRequests', to: '/vault-requests', icon: <IconVault /> },
  { key: 'insights', to: '/insights', icon: <IconInsights /> },
];

export function Frame() {
  const { t, i18n } = useTranslation();
  const { user, capabilities, setUser, signOut } = useCurrentSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [passwordChanged, setPasswordChanged] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const to = useOutreachT();
  const auditT = useAuditT();
  const unread = useUnreadCount();
  const waiting = useChatWaiting();
  // Templates are written and approved by those who write to people; admins read them (they set up
  // the channels the templates go out on), so the page is in their navigation too.
  const sections = SECTIONS.filter(
    (s) =>
      (s.key !== 'templates' || canSeeTemplates(capabilities)) &&
      (s.key !== 'chatLine' || capabilities.workChat) &&
      (s.key !== 'insights' || capabilities.readInsights),
  );

  const language = useMutation({
    mutationFn: (lng: Language) => saveLanguage(lng),
    onMutate: (lng) => {
      const previous = currentLanguage();
      void i18n.changeLanguage(lng);
      return { previous };
    },
    onSuccess: (saved) => setUser(saved),
    onError: (_err, _lng, ctx) => {
      if (ctx) void i18n.changeLanguage(ctx.previous);
    },
  });

  const isActive = (to: string) => pathname === to || pathname.startsWith(`${to}/`);
  const navLink = (to: string, label: string, icon: ReactNode, badge?: ReactNode) => (
    <RouterNavLink
      key={to}
      to={to}
      label={label}
      leftSection={icon}
      rightSection={badge}
      active={isActive(to)}
      aria-current={isActive(to) ? 'page' : undefined}
      onClick={close}
      variant="light"
      styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
    />
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <AppShell.Header>
        <Anchor
          href="#main"
          className="skip-link"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('app.skipToContent')}
        </Anchor>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('header.closeNavigation') : t('header.openNavigation')}
            />
            <Logo size={30} />
            <Box visibleFrom="xs">
              <Text fw={700} lh={1.1}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t('app.tagline')}
              </Text>
            </Box>
          </Group>
          <Group gap="md" wrap="nowrap">
            <SavedSearchAlerts />
            <LanguageSwitch value={currentLanguage()} onChange={(lng) => language.mutate(lng)} />
            <Divider orientation="vertical" visibleFrom="sm" />
            <Box ta="right" visibleFrom="sm" data-testid="current-user">
              <Text size="sm" fw={600} lh={1.2}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t(`roles.${user.role}`)}
              </Text>
            </Box>
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              visibleFrom="sm"
              onClick={() => setPasswordOpen(true)}
            >
              {t('header.changePassword')}
            </Button>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconSignOut size={16} />}
              onClick={() => void signOut()}
            >
              {t('header.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.label')}>
        <AppShell.Section grow>
          <Stack gap={2}>
            {sectionsFor(orderSections(sections, user.role), capabilities).map((s) =>
              navLink(
                s.to,
                s.key === 'templates' ? to('nav.templates') : t(`nav.${s.key}`),
                s.icon,
                s.key === 'inbox' && unread ? (
                  <Badge color="red" size="sm" circle data-testid="inbox-unread-badge">
                    <span aria-hidden="true">{unread}</span>
                    <span className="visually-hidden">
                      {to('nav.unreadBadge', { count: unread })}
                    </span>
                  </Badge>
                ) : s.key === 'chatLine' && waiting ? (
                  <Badge color="orange" size="sm" circle data-testid="chat-waiting-badge">
                    <span aria-hidden="true">{waiting}</span>
                    <span className="visually-hidden">
                      {t('nav.chatWaiting', { count: waiting })}
                    </span>
                  </Badge>
                ) : undefined,
              ),
            )}
          </Stack>
        </AppShell.Section>
        {canReadAuditLog(capabilities) ? (
          <AppShell.Section>
            <Divider mb="sm" />
            <Stack gap={2}>
              {navLink('/audit', auditT('nav'), <IconAudit />)}
              {capabilities.manageUsers ? navLink('/admin', t('nav.admin'), <IconAdmin />) : null}
            </Stack>
          </AppShell.Section>
        ) : null}
        {/* On a phone the header has no room for who is signed in; the open menu shows it. */}
        <AppShell.Section hiddenFrom="sm" pt="sm" mt="sm" px="sm" className="nav-user">
          <Text size="sm" fw={600}>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${user.role}`)}
          </Text>
          <Button
            variant="subtle"
            color="gray"
            size="compact-xs"
            px={0}
            mt={4}
            onClick={() => {
              close();
              setPasswordOpen(true);
            }}
          >
            {t('header.changePassword')}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} bg="gray.0" style={{ outline: 'none' }}>
        <Stack maw={1200} gap="md">
          {passwordChanged ? (
            <Alert
              color="green"
              variant="light"
              role="status"
              withCloseButton
              onClose={() => setPasswordChanged(false)}
              data-testid="password-changed"
            >
              {t('password.changed')}
            </Alert>
          ) : null}
          {language.error ? (
            <ErrorAlert
              title={t('header.languageSaveFailed')}
              error={language.error}
              onClose={() => language.reset()}
            />
          ) : null}
          <Outlet />
        </Stack>
      </AppShell.Main>
      <ChangePasswordDialog
        opened={passwordOpen}
        onClose={() => setPasswordOpen(false)}
        onSaved={() => {
          setPasswordOpen(false);
          setPasswordChanged(true);
        }}
      />
    </AppShell>
  );
}

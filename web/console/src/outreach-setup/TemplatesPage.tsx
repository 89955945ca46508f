// Message templates and quick replies: what outreach workers write and supervisors approve before
// anything reaches a person. Workers and supervisors work here; admins read the list, each
// template and the quick replies without any action on them (the server lets them read, never
// write); everyone else (partner organisations, analysts) is told plainly that the page is not
// theirs.
import { Button, EmptyState, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { IconInbox } from '../ui/icons';
import { canSeeTemplates, canWriteTemplates } from './access';
import type { OutreachLanguage, Template, TemplateDraft } from './api';
import { useSetupT } from './i18n';
import { QuickReplies } from './QuickReplies';
import { emptyDraft, TemplateEditor } from './TemplateEditor';
import { TemplateList, type TemplateFilters } from './TemplateList';

type Tab = 'templates' | 'quick-replies';
type View =
  { kind: 'list' } | { kind: 'open'; template: Template | null; seed: TemplateDraft; key: number };

export function TemplatesPage() {
  const t = useSetupT();
  const { capabilities } = useCurrentSession();
  usePageTitle(t('page.title'));
  if (!canSeeTemplates(capabilities)) {
    return (
      <Paper withBorder radius="md" py={56} px="xl">
        <EmptyState
          icon={<IconInbox size={28} />}
          withIndicatorBackground
          title={t('page.noAccess')}
          description={t('page.noAccessHint')}
        />
      </Paper>
    );
  }
  return <Templates />;
}

let opened = 0;

function Templates() {
  const t = useSetupT();
  const { user, capabilities } = useCurrentSession();
  const write = canWriteTemplates(capabilities);
  const [tab, setTab] = useState<Tab>('templates');
  const [filters, setFilters] = useState<TemplateFilters>({ status: 'all', language: '' });
  const [view, setView] = useState<View>({ kind: 'list' });
  const defaultLanguage: OutreachLanguage = (filters.language || user.language) as OutreachLanguage;

  const open = (template: Template | null, seed: TemplateDraft) =>
    setView({ kind: 'open', template, seed, key: ++opened });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('page.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={720} mt={4}>
            {t('page.intro')}
          </Text>
        </div>
        {write && tab === 'templates' && view.kind === 'list' ? (
          <Button onClick={() => open(null, emptyDraft(defaultLanguage))}>{t('page.new')}</Button>
        ) : null}
      </Group>
      {!write ? (
        <Text size="sm" c="dimmed" role="note">
          {t('page.readOnly')}
        </Text>
      ) : null}
      <Tabs
        value={tab}
        onChange={(v) => setTab(v === 'quick-replies' ? 'quick-replies' : 'templates')}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="templates">{t('page.tabs.templates')}</Tabs.Tab>
          <Tabs.Tab value="quick-replies">{t('page.tabs.quickReplies')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="templates">
          {view.kind === 'list' ? (
            <TemplateList
              filters={filters}
              onFilters={setFilters}
              onOpen={(tpl) => open(tpl, emptyDraft(tpl.language))}
            />
          ) : (
            <TemplateEditor
              key={view.key}
              template={view.template}
              seed={view.seed}
              onSaved={(stored) => setView({ ...view, template: stored })}
              onCopy={(d) => open(null, { ...d, name: t('editor.copyName', { name: d.name }) })}
              onBack={() => setView({ kind: 'list' })}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="quick-replies">
          <QuickReplies defaultLanguage={defaultLanguage} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

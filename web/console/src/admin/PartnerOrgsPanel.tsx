// Admin → Partner organisations: the list, and adding one (needed before partner accounts).
import {
  Alert,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createPartnerOrg, listPartnerOrgs } from '../api/endpoints';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconPartners } from '../ui/icons';
import { PanelIntro } from './AdminPage';
import { PARTNER_ORGS_KEY } from './UsersPanel';

export function PartnerOrgsPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useQuery({ queryKey: PARTNER_ORGS_KEY, queryFn: listPartnerOrgs });
  const [name, setName] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => createPartnerOrg(name.trim()),
    onSuccess: (org) => {
      setAdded(org.name);
      setName('');
      void qc.invalidateQueries({ queryKey: PARTNER_ORGS_KEY });
    },
    onMutate: () => setAdded(null),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) create.mutate();
  };

  const list = orgs.data ?? [];
  return (
    <Stack gap="md">
      <PanelIntro>{t('admin.partnerOrgs.intro')}</PanelIntro>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('admin.partnerOrgs.newName')}
            name="partnerOrgName"
            autoComplete="off"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={360}
          />
          <Button type="submit" loading={create.isPending}>
            {t('admin.partnerOrgs.add')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={create.error} onClose={() => create.reset()} />
      {added ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          onClose={() => setAdded(null)}
        >
          {t('admin.partnerOrgs.added', { name: added })}
        </Alert>
      ) : null}
      <Paper withBorder radius="md">
        {orgs.isPending ? (
          <Center py="xl">
            <Loader size="sm" role="status" aria-label={t('app.loading')} />
          </Center>
        ) : orgs.isError ? (
          <Stack p="md">
            <ErrorAlert error={orgs.error} />
          </Stack>
        ) : list.length === 0 ? (
          <EmptyState
            py={48}
            icon={<IconPartners size={28} />}
            withIndicatorBackground
            title={t('admin.partnerOrgs.empty')}
            description={t('admin.partnerOrgs.emptyDescription')}
          />
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Caption className="visually-hidden">
              {t('admin.partnerOrgs.tableLabel')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.partnerOrgs.name')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

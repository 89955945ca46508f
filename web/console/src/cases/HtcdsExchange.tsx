// Cases as HTCDS records (supervisors): download every case as JSON or CSV, or import a JSON
// document. The server imports every case or none; a refused file lists each problem by record
// and field so it can be fixed and sent again.
import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Answer } from '../api/contract';
import { ErrorAlert } from '../ui/ErrorAlert';
import { caseKeys } from './api';
import { useCasesT } from './i18n';

type Imported = Answer<'/api/cases/import/htcds', 'post'>;
interface Problem {
  row: number;
  field: string;
  message: string;
}

function problemsOf(err: unknown): Problem[] | null {
  if (!(err instanceof ApiError) || err.code !== 'import_refused') return null;
  const problems = err.details.problems;
  return Array.isArray(problems) ? (problems as Problem[]) : [];
}

/** The file as JSON, or an error the dialog shows as "not a JSON file". */
async function readJson(file: File): Promise<unknown> {
  try {
    return JSON.parse(await file.text()) as unknown;
  } catch {
    throw new Error('not_json');
  }
}

export function HtcdsExchange() {
  const t = useCasesT();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: async (f: File) => api.post<Imported>('/api/cases/import/htcds', await readJson(f)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
  const problems = run.error ? problemsOf(run.error) : null;
  const notJson = run.error instanceof Error && run.error.message === 'not_json';

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="htcds-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="htcds-title">
          {t('htcds.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('htcds.intro')}
        </Text>
        <Group gap="sm">
          <Button
            variant="default"
            component="a"
            href="/api/cases/export/htcds"
            download="ariadne-htcds.json"
          >
            {t('htcds.exportJson')}
          </Button>
          <Button
            variant="default"
            component="a"
            href="/api/cases/export/htcds?format=csv"
            download="ariadne-htcds.csv"
          >
            {t('htcds.exportCsv')}
          </Button>
        </Group>
        <Group gap="sm" align="flex-end">
          <FileInput
            label={t('htcds.file')}
            accept=".json,application/json"
            value={file}
            onChange={(f) => {
              run.reset();
              setFile(f);
            }}
            clearable
            w={320}
          />
          <Button onClick={() => file && run.mutate(file)} disabled={!file} loading={run.isPending}>
            {t('htcds.import')}
          </Button>
        </Group>
        {run.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('htcds.done', { count: run.data.imported })}
          </Alert>
        ) : null}
        {notJson ? (
          <Alert color="red" variant="light" role="alert">
            {t('htcds.notJson')}
          </Alert>
        ) : problems ? (
          <Stack gap="xs">
            <Alert color="red" variant="light" role="alert">
              {t('htcds.refused', { count: problems.length })}
            </Alert>
            <Table aria-label={t('htcds.problems')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('htcds.row')}</Table.Th>
                  <Table.Th>{t('htcds.field')}</Table.Th>
                  <Table.Th>{t('htcds.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.slice(0, 100).map((p, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{p.row === 0 ? t('htcds.document') : p.row}</Table.Td>
                    <Table.Td>{p.field}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : run.error ? (
          <ErrorAlert error={run.error} />
        ) : null}
      </Stack>
    </Paper>
  );
}

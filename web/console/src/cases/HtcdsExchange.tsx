// Cases as HTCDS records (supervisors): download every case as JSON or CSV, or import either
// back. The server imports every case or none; a refused file lists each problem by record (for a
// CSV file, by line) and field so it can be fixed and sent again.
import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Answer } from '../api/contract';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useProblemText } from '../ui/errors';
import { caseKeys } from './api';
import { useCasesT } from './i18n';

type Imported = Answer<'/api/cases/import/htcds', 'post'>;
interface Problem {
  row: number;
  field: string;
  message: string;
  /** The message's catalogue key, or the check the record failed (said in the user's language). */
  text?: unknown;
  issue?: unknown;
}

function problemsOf(err: unknown): Problem[] | null {
  if (!(err instanceof ApiError) || err.code !== 'import_refused') return null;
  const problems = err.details.problems;
  return Array.isArray(problems) ? (problems as Problem[]) : [];
}

const isCsv = (file: File) => file.type === 'text/csv' || /\.csv$/i.test(file.name);

/** The file as JSON, or an error the dialog shows as "not a JSON file". */
async function readJson(file: File): Promise<unknown> {
  try {
    return JSON.parse(await file.text()) as unknown;
  } catch {
    throw new Error('not_json');
  }
}

/** A CSV file goes as it is (the server reads its bytes); anything else as a JSON document. */
async function importFile(file: File): Promise<Imported> {
  const url = '/api/cases/import/htcds';
  return isCsv(file)
    ? api.postText<Imported>(url, await file.text(), 'text/csv; charset=utf-8')
    : api.post<Imported>(url, await readJson(file));
}

export function HtcdsExchange() {
  const t = useCasesT();
  const problem = useProblemText();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: importFile,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
  const problems = run.error ? problemsOf(run.error) : null;
  const notJson = run.error instanceof Error && run.error.message === 'not_json';
  const csvFile = file !== null && isCsv(file);

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
            accept=".json,application/json,.csv,text/csv"
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
                    <Table.Td>
                      {p.row === 0
                        ? t('htcds.document')
                        : csvFile
                          ? t('htcds.line', { line: p.row })
                          : p.row}
                    </Table.Td>
                    <Table.Td>{p.field}</Table.Td>
                    <Table.Td>{problem(p)}</Table.Td>
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

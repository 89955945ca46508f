// Importing the directory from a CSV file: the file is read in the browser and sent as text; the
// server imports every row or none. A refused file lists each problem by line and column, so the
// person can fix the spreadsheet and try again; a good one says how many were added and updated.
import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useProblemText } from '../ui/errors';
import { importErrors, importPartners, partnerKeys, type CsvRowError } from './api';
import { usePartnersT } from './i18n';

export function ImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = usePartnersT();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [readFailed, setReadFailed] = useState(false);
  const run = useMutation({
    mutationFn: async (f: File) => importPartners(await f.text()),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: partnerKeys.all }),
  });
  const rows = run.error ? importErrors(run.error) : null;
  const close = () => {
    run.reset();
    setFile(null);
    setReadFailed(false);
    onClose();
  };
  const submit = () => {
    if (!file) return;
    setReadFailed(false);
    // An error that is not the server's is the browser failing to read the file.
    run.mutate(file, { onError: (err) => setReadFailed(!(err instanceof ApiError)) });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('import.title')} size="xl">
      <Stack gap="md">
        <Text size="sm">{t('import.intro')}</Text>
        <FileInput
          label={t('import.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            run.reset();
            setFile(f);
          }}
          clearable
        />
        {run.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('import.done', run.data)}
          </Alert>
        ) : null}
        {readFailed ? (
          <Alert color="red" variant="light" role="alert">
            {t('import.readFailed')}
          </Alert>
        ) : rows ? (
          <ImportErrors rows={rows} />
        ) : run.error ? (
          <ErrorAlert error={run.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('import.cancel')}
          </Button>
          <Button onClick={submit} disabled={!file} loading={run.isPending}>
            {t('import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ImportErrors({ rows }: { rows: CsvRowError[] }) {
  const t = usePartnersT();
  const problem = useProblemText();
  return (
    <Stack gap="xs">
      <Alert color="red" variant="light" role="alert">
        {t('import.refused', { count: rows.length })}
      </Alert>
      <Table.ScrollContainer minWidth={480} mah={360}>
        <Table striped aria-label={t('import.errorsLabel')} data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('import.line')}</Table.Th>
              <Table.Th scope="col">{t('import.column')}</Table.Th>
              <Table.Th scope="col">{t('import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${r.line}-${r.column ?? ''}-${i}`}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>{r.column ?? t('import.wholeLine')}</Table.Td>
                <Table.Td>{problem(r)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

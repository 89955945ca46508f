// Identifiers found in the entity's ads, masked. "Reveal" asks the server for one value in the
// clear; the server logs who revealed what, and the value lives only in this component's memory
// (gone when the page is left).
import { Badge, Button, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { revealIdentifier, type EntityIdentifier } from '../triage/api';
import { useTriageT } from '../triage/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Section } from './Section';

const KINDS = ['phone', 'email', 'messenger', 'url', 'image'] as const;

function IdentifierRow({ identifier: i }: { identifier: EntityIdentifier }) {
  const t = useTriageT();
  const [value, setValue] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => revealIdentifier(i.identifierId),
    onSuccess: (r) => setValue(r.value),
  });
  const kind = (KINDS as readonly string[]).includes(i.kind)
    ? t(`identifiers.kinds.${i.kind as (typeof KINDS)[number]}`)
    : i.kind;
  return (
    <Table.Tr data-testid="identifier-row">
      <Table.Td>
        <Text size="sm">{kind}</Text>
        {i.platform && i.platform !== i.kind ? (
          <Text size="xs" c="dimmed" tt="capitalize">
            {i.platform}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap="xs">
            <Code fz="sm" data-testid="identifier-masked">
              {i.masked}
            </Code>
            {i.obfuscated ? (
              <Tooltip label={t('identifiers.obfuscatedHint')} withArrow multiline w={240}>
                <Badge color="orange" variant="light" size="sm">
                  {t('identifiers.obfuscated')}
                </Badge>
              </Tooltip>
            ) : null}
          </Group>
          {value !== null ? (
            <div role="status">
              <Code fz="sm" c="dark" fw={700} data-testid="identifier-value">
                {value}
              </Code>
              <Text size="xs" c="dimmed" mt={2}>
                {t('identifiers.revealNote')}
              </Text>
            </div>
          ) : null}
          <ErrorAlert error={reveal.error} />
        </Stack>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{i.ads}</Text>
      </Table.Td>
      <Table.Td ta="right">
        {value === null ? (
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => reveal.mutate()}
            loading={reveal.isPending}
            aria-label={t('identifiers.revealLabel', { value: i.masked })}
          >
            {t('identifiers.reveal')}
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

export function IdentifiersTable({ identifiers }: { identifiers: EntityIdentifier[] }) {
  const t = useTriageT();
  return (
    <Section title={t('entity.sections.identifiers')} testId="identifiers">
      {identifiers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('identifiers.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing="xs" horizontalSpacing="sm">
            <Table.Caption style={{ captionSide: 'top' }} className="visually-hidden">
              {t('identifiers.tableLabel')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('identifiers.kind')}</Table.Th>
                <Table.Th>{t('identifiers.value')}</Table.Th>
                <Table.Th ta="right">{t('identifiers.ads')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {identifiers.map((i) => (
                <IdentifierRow key={i.identifierId} identifier={i} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

// First sign-in: add Ariadne to an authenticator app, by QR code or by typing the key.
import {
  Anchor,
  Box,
  Button,
  Center,
  Code,
  CopyButton,
  Group,
  Image,
  Loader,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmEnrolment, startEnrolment } from '../api/endpoints';
import { AuthCard } from '../ui/AuthCard';
import { ErrorAlert } from '../ui/ErrorAlert';

const ENROLMENT_KEY = ['totp-enrolment'] as const;

/** Groups of four are easier to copy by hand; authenticator apps ignore the spaces. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

export function Enroll({
  onConfirmed,
  onCancel,
}: {
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  // A query, not an effect: it runs once even when React mounts twice, so the secret on screen is
  // always the one the server waits for.
  const enrolment = useQuery({
    queryKey: ENROLMENT_KEY,
    queryFn: startEnrolment,
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const confirm = useMutation({
    mutationFn: () => confirmEnrolment(code.replace(/\s+/g, '')),
    onSuccess: (r) => {
      qc.removeQueries({ queryKey: ENROLMENT_KEY });
      onConfirmed(r.recoveryCodes);
    },
    onError: () => setCode(''),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate();
  };

  const data = enrolment.data;
  return (
    <AuthCard title={t('enroll.title')} intro={t('enroll.intro')} width={480}>
      {enrolment.isPending ? (
        <Center py="xl">
          <Loader size="sm" role="status" aria-label={t('app.loading')} />
        </Center>
      ) : null}
      {enrolment.isError ? (
        <Stack gap="sm">
          <ErrorAlert error={enrolment.error} />
          <Button variant="default" onClick={() => void enrolment.refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      ) : null}
      {data ? (
        <Stack gap="md">
          <Text size="sm" fw={600}>
            {t('enroll.step1')}
          </Text>
          <Center>
            <Box p="sm" bg="white" bd="1px solid var(--mantine-color-gray-3)" bdrs="md">
              <Image
                src={'data:image/svg+xml;utf8,' + encodeURIComponent(data.qrSvg)}
                alt={t('enroll.qrAlt')}
                w={196}
                h={196}
              />
            </Box>
          </Center>
          <div>
            <Text size="sm" c="dimmed" id="totp-secret-label">
              {t('enroll.manual')}
            </Text>
            <Group gap="xs" mt={6} wrap="nowrap" align="center">
              <Code
                data-testid="totp-secret"
                aria-labelledby="totp-secret-label"
                fz="md"
                px="sm"
                py={6}
                style={{ flex: 1, wordBreak: 'break-word', letterSpacing: '0.05em' }}
              >
                {grouped(data.secret)}
              </Code>
              <CopyButton value={data.secret}>
                {({ copied, copy }) => (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={copy}
                    style={{ flexShrink: 0 }}
                    aria-label={t('enroll.copyKey')}
                  >
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </div>
          <form onSubmit={submit}>
            <Stack gap="sm">
              <Text size="sm" fw={600}>
                {t('enroll.step2')}
              </Text>
              <ErrorAlert error={confirm.error} />
              <TextInput
                label={t('enroll.code')}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]{6,7}"
                maxLength={7}
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
              />
              <Button type="submit" loading={confirm.isPending} fullWidth>
                {t('enroll.submit')}
              </Button>
            </Stack>
          </form>
        </Stack>
      ) : null}
      <Anchor
        component="button"
        type="button"
        size="sm"
        c="dimmed"
        onClick={onCancel}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('totp.cancel')}
      </Anchor>
    </AuthCard>
  );
}

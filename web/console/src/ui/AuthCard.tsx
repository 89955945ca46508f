// The frame of every sign-in step: the Ariadne mark, a card with the step, and the language
// switch (before sign-in it only changes this browser's view; it is not stored anywhere).
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/usePageTitle';
import { currentLanguage } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './icons';

export function AuthCard({
  title,
  intro,
  children,
  width = 420,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  const { t, i18n } = useTranslation();
  usePageTitle(title);
  return (
    <Box mih="100vh" bg="gray.0" py={48} px="md">
      <Center>
        <Stack w="100%" maw={width} gap="lg">
          <Group justify="space-between" align="center">
            <Group gap="xs">
              <Logo size={32} />
              <div>
                <Text fw={700} size="lg" lh={1.1}>
                  {t('app.name')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('app.tagline')}
                </Text>
              </div>
            </Group>
            <LanguageSwitch
              value={currentLanguage()}
              onChange={(lng) => void i18n.changeLanguage(lng)}
            />
          </Group>
          <Paper component="main" withBorder shadow="xs" radius="md" p="xl">
            <Stack gap="md">
              <div>
                <Title order={1} size="h3">
                  {title}
                </Title>
                {intro ? (
                  <Text size="sm" c="dimmed" mt={6}>
                    {intro}
                  </Text>
                ) : null}
              </div>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}

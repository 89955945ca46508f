// A value shown as plain text with a button that copies it: for URLs of scraped sites, which are
// never links (opening one from the console would show the site who is looking).
import { ActionIcon, CopyButton, Group, Text, Tooltip, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconCheck, IconCopy } from './icons';

/** A value as text (never a link) with a button that copies it. */
export function CopyText({
  value,
  label,
  children,
  ...textProps
}: { value: string; label: string; children?: ReactNode } & TextProps) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" align="center" miw={0}>
      <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} {...textProps}>
        {children ?? value}
      </Text>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : label} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'green' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={label}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

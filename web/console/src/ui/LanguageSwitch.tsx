import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types';

export function LanguageSwitch({
  value,
  onChange,
  disabled,
}: {
  value: Language;
  onChange: (language: Language) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl<Language>
      size="xs"
      aria-label={t('language.label')}
      value={value}
      onChange={onChange}
      disabled={disabled}
      data={[
        { value: 'en', label: <span title={t('language.en')}>EN</span> },
        { value: 'nl', label: <span title={t('language.nl')}>NL</span> },
      ]}
    />
  );
}

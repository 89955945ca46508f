// Changing one's password by choice (from the header): the same form and rules as the first time.
// Other sessions of the account end on the server when it is saved.
import { Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from './session';
import { PasswordForm } from './PasswordForm';

export function ChangePasswordDialog({
  opened,
  onClose,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { user, setUser } = useCurrentSession();
  return (
    <Modal opened={opened} onClose={onClose} title={t('password.changeTitle')} size="md">
      {/* Mounted only while open: nothing typed survives closing, and the estimator loads on demand. */}
      {opened ? (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('password.changeIntro')}
          </Text>
          <PasswordForm
            user={user}
            knownCurrent={null}
            currentLabel={t('password.currentOwn')}
            currentWrongText={t('password.currentOwnWrong')}
            onCurrentRejected={() => undefined}
            onSaved={(saved) => {
              setUser(saved);
              onSaved();
            }}
          />
        </>
      ) : null}
    </Modal>
  );
}

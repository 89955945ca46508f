import { Alert } from '@mantine/core';
import { useErrorText, type ErrorOverrides, type FieldLabels } from './errors';

/** An error from the API, read out by screen readers when it appears. */
export function ErrorAlert({
  error,
  overrides,
  fieldLabels,
  onClose,
  title,
}: {
  error: unknown;
  overrides?: ErrorOverrides;
  /** The form's own labels by field path, to name the fields a refused request failed on. */
  fieldLabels?: FieldLabels;
  onClose?: () => void;
  title?: string;
}) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={title}
      data-testid="error"
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
    >
      {text(error, overrides, fieldLabels)}
    </Alert>
  );
}

// The console is split into chunks loaded when first needed (each page, the app after sign-in).
// Fetching one can fail: most often a redeploy has replaced the chunks this tab knows about (their
// names carry a content hash, so the old ones are gone), or the connection dropped. Such a failure
// says so and offers a reload (which fetches the current version), instead of leaving a blank page.
import { Alert, Button } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A chunk of the console that could not be fetched (or did not run). */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super('A part of the console could not be loaded', { cause });
    this.name = 'ChunkLoadError';
  }
}

/** Fetches a chunk through `import()`; any failure becomes a ChunkLoadError. */
export function loadChunk<M>(importer: () => Promise<M>): Promise<M> {
  return importer().catch((err: unknown) => {
    throw new ChunkLoadError(err);
  });
}

/** What shows in place of a page whose code could not be fetched, read out when it appears. */
export function LoadFailed({ titled = true }: { titled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={titled ? t('app.loadFailedTitle') : undefined}
      data-testid="load-failed"
    >
      {t('app.loadFailed')}
      <Button display="block" mt="sm" size="xs" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </Button>
    </Alert>
  );
}

/**
 * Shows `fallback` when a chunk below fails to load (React.lazy outside the router; pages inside it
 * have the router's error component). Any other error goes on up, as before.
 */
export class LoadBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { error: unknown }
> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (error instanceof ChunkLoadError) return this.props.fallback;
    // Passed on up as it was caught, whatever was thrown.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw error;
  }
}

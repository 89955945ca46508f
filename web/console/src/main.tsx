// Entry of the operators' console.
import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setNonce } from 'get-nonce';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import { AuthGate } from './auth/gate';
import './i18n';
import { consoleTheme, cssVariablesResolver } from './theme';

// The server puts this response's CSP nonce for styles on <meta property="csp-nonce">; Mantine
// needs it for the <style> tags it adds (the policy allows no inline style without it). Browsers
// hide the nonce attribute from the DOM once applied, so it is read from the property.
const styleNonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
// Mantine's modals lock page scroll with react-remove-scroll, which adds its own <style> tag and
// takes the nonce from get-nonce.
setNonce(styleNonce);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network hiccup might.
      retry: (count, err) =>
        !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

/** Mantine with the console's theme, in the current language (its close buttons' names). */
function Themed({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const theme = useMemo(() => consoleTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      forceColorScheme="light"
      getStyleNonce={() => styleNonce}
    >
      {children}
    </MantineProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Themed>
      <QueryClientProvider client={queryClient}>
        <AuthGate />
      </QueryClientProvider>
    </Themed>
  </StrictMode>,
);

// Build of the chat widget: one IIFE, dist/widget.js, that is both the embeddable widget and the
// /chat page (src/chat/widget/routes.ts serves it). No other files: the page's HTML is the server's,
// and styles live in the script (constructed style sheets in its Shadow DOM). The size check
// (scripts/check-chat-size.js) keeps it under 50 kB gzipped.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps stay out of the shipped bundle: they would only help someone reading the code.
    sourcemap: false,
    // Cheap and older phones: syntax every browser of the last few years runs.
    target: 'es2020',
    lib: {
      entry: 'src/main.ts',
      formats: ['iife'],
      // The IIFE exports nothing; the name is required by the format and leaves no global behind.
      name: 'AriadneChat',
      fileName: () => 'widget.js',
    },
  },
});

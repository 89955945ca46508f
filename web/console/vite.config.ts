// Build of the operators' console. Root is this folder, output goes to ./dist, served by
// src/platform/http/console.ts (and by Vite's dev server in middleware mode with WEB_DEV=1).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps stay out of the shipped bundle: they would only help someone reading the code.
    sourcemap: false,
    // Read by scripts/check-console-size.js; under .vite/, which the server does not serve.
    manifest: true,
    // The largest chunk is the password estimator's English word list (1.2 MB), fetched only when
    // a password form opens; the main bundle stays below this.
    chunkSizeWarningLimit: 1300,
  },
});

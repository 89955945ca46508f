// Build of the person's vault app: dist/app.js (an ES module: the whole app, its styles as
// constructed sheets), one chunk beside it for the passphrase strength dictionaries (megabytes,
// loaded only when a passphrase is chosen), and dist/sw.js (the service worker, bundled apart by esbuild after the app: a worker has
// its own global scope and must not share a chunk with the page). The HTML page, the web app
// manifest and the icons are the server's (src/vault/web-routes.ts). The size check
// (scripts/check-vault-size.js) keeps app.js within its limit.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
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
    // age-encryption is compiled for ES2023 (bigint literals, class fields): browsers of 2022 on.
    target: 'es2022',
    lib: {
      entry: 'src/main.ts',
      // A module, not an IIFE: only a module build splits the dictionaries into their own chunk.
      formats: ['es'],
      fileName: () => 'app.js',
    },
    rollupOptions: { output: { chunkFileNames: '[name]-[hash].js' } },
  },
  plugins: [
    {
      name: 'vault-service-worker',
      apply: 'build',
      async closeBundle() {
        await build({
          entryPoints: [`${root}worker/sw.ts`],
          outfile: `${root}dist/sw.js`,
          bundle: true,
          minify: true,
          format: 'iife',
          target: 'es2020',
          logLevel: 'warning',
        });
      },
    },
  ],
});

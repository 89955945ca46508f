#!/usr/bin/env node
// `npm run bench`: runs the benchmarks in bench/ through tsx. Figures only; never pass/fail.
const { register } = await import('tsx/esm/api');
register();
await import('../bench/run.ts');

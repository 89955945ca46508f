// Prints the configuration reference (a Markdown table) from the zod config module, so the README
// never drifts from the code: `npx tsx scripts/env-reference.ts`. A test checks the README has it.
import { ENV_VARS } from '../src/platform/config.js';

export function envReference(): string {
  const rows = Object.entries(ENV_VARS).map(([name, spec]) => {
    const def = 'default' in spec ? `\`${spec.default}\`` : '—';
    return `| \`${name}\` | ${def} | ${spec.doc.replace(/\|/g, '\\|')} |`;
  });
  return ['| variable | default | what it is for |', '| --- | --- | --- |', ...rows].join('\n');
}

if (process.argv[1]?.endsWith('env-reference.ts')) process.stdout.write(envReference() + '\n');

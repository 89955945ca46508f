// The contact rules this installation runs with: the defaults of the domain, or the JSON file named
// by OUTREACH_RULES_FILE, plus the organisation's names from ORGANISATION_NAMES for the first-message
// safety check. Read and validated once at start, so a wrong file stops the process with a message
// that names the variable and the field instead of failing on the first send.
import { readFileSync } from 'node:fs';
import { ConfigError, type Config } from '../../platform/config.js';
import { ContactSettings } from '../domain/index.js';

const cache = new WeakMap<Config, ContactSettings>();

function readRulesFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError([
      `OUTREACH_RULES_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ConfigError([`OUTREACH_RULES_FILE: ${file} is not JSON (${(err as Error).message})`]);
  }
}

/** The validated contact rules (defaults filled in), cached per config. Throws ConfigError. */
export function outreachSettings(config: Config): ContactSettings {
  const hit = cache.get(config);
  if (hit) return hit;
  const fromFile = config.outreach.rulesFile ? readRulesFile(config.outreach.rulesFile) : {};
  const parsed = ContactSettings.safeParse(fromFile);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues
        .slice(0, 10)
        .map((i) => `OUTREACH_RULES_FILE: ${i.path.join('.') || '(file)'}: ${i.message}`),
    );
  }
  const settings = parsed.data;
  const names = [
    ...new Set([...settings.safety.organisationNames, ...config.outreach.organisationNames]),
  ];
  const merged = ContactSettings.parse({
    ...settings,
    safety: { ...settings.safety, organisationNames: names },
  });
  cache.set(config, merged);
  return merged;
}

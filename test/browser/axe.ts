// An accessibility check for the browser journeys: axe-core's WCAG 2.0 and 2.1 rules of levels A
// and AA on what a page shows now (open dialogs included), kept to the findings of impact serious
// or critical, written out so that a failure says what to fix without opening a report: the rule,
// its impact, the elements' selectors and a short piece of their HTML.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * WCAG 2.5.3 (label in name) is axe's experimental rule, off by default: an accessible name that
 * does not contain the visible text fails voice control ("click Ad 3").
 */
const EXTRA_RULES = { 'label-content-name-mismatch': { enabled: true } };
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** The serious and critical WCAG A/AA violations on the page as it is. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  await transitionsDone(page);
  const results = await new AxeBuilder({ page })
    .options({ rules: EXTRA_RULES })
    .withTags(TAGS)
    .analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : t)).join(' > '),
        html: shorten(n.html, 160),
        summary: shorten((n.failureSummary ?? '').replace(/\s+/g, ' '), 200),
      })),
    }));
}

/** Findings as lines a person can act on, at most `perRule` elements per rule. */
export function describeFindings(findings: AxeFinding[], perRule = 5): string {
  return findings
    .map((f) => {
      const nodes = f.nodes.slice(0, perRule).map((n) => `    ${n.target}\n      ${n.html}`);
      const more = f.nodes.length > perRule ? [`    … and ${f.nodes.length - perRule} more`] : [];
      const why = f.nodes[0]?.summary ? [`    (${f.nodes[0].summary})`] : [];
      return [
        `  ${f.rule} [${f.impact}] ${f.help}: ${f.nodes.length}`,
        ...why,
        ...nodes,
        ...more,
      ].join('\n');
    })
    .join('\n');
}

/** The number of failing elements, over all rules. */
export const countFindings = (findings: AxeFinding[]) =>
  findings.reduce((n, f) => n + f.nodes.length, 0);

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Waits for the page's transitions to end (a drawer or dialog fading in): axe reads colours as
 * they are drawn, and a half-faded button fails the contrast rule. Endless animations (a
 * spinner) are not waited for.
 */
async function transitionsDone(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

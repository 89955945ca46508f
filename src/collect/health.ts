// Source health: sites change their markup without notice and selectors silently stop matching.
// Each crawl's yield is compared with the source's recent history (median of the last runs): ads
// found, how often each field was filled, parse errors. A sharp drop flags the source, naming the
// fields that stopped matching and sample pages where they are missing.

export interface RunYield {
  adsFound: number;
  parseErrors: number;
  /** Share of ads in which each field was found (0..1). */
  fieldFill: Record<string, number>;
  fieldMisses?: Record<string, string[]>;
}

export type HealthStatus = 'ok' | 'degraded' | 'broken';

export interface FieldDrop {
  field: string;
  before: number;
  now: number;
  sampleUrls: string[];
}

export interface HealthAssessment {
  status: HealthStatus;
  reasons: string[];
  fieldDrops: FieldDrop[];
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function assessHealth(current: RunYield, history: RunYield[]): HealthAssessment {
  const reasons: string[] = [];
  const fieldDrops: FieldDrop[] = [];
  let status: HealthStatus = 'ok';
  const worsen = (to: HealthStatus) => {
    if (to === 'broken' || (to === 'degraded' && status === 'ok')) status = to;
  };
  const recent = history.slice(0, 5);

  if (current.adsFound === 0) {
    worsen('broken');
    reasons.push('no ads found');
  } else if (recent.length > 0) {
    const baseline = median(recent.map((h) => h.adsFound));
    if (baseline > 0 && current.adsFound < baseline * 0.1) {
      worsen('broken');
      reasons.push(`ads found fell from about ${Math.round(baseline)} to ${current.adsFound}`);
    } else if (baseline > 0 && current.adsFound < baseline * 0.5) {
      worsen('degraded');
      reasons.push(`ads found fell from about ${Math.round(baseline)} to ${current.adsFound}`);
    }
  }

  if (recent.length > 0 && current.adsFound > 0) {
    const fields = new Set([
      ...Object.keys(current.fieldFill),
      ...recent.flatMap((h) => Object.keys(h.fieldFill)),
    ]);
    for (const field of fields) {
      const before = median(recent.map((h) => h.fieldFill[field] ?? 0));
      const now = current.fieldFill[field] ?? 0;
      if (before < 0.5) continue; // a field that was rarely there before says little when it drops
      if (now < before * 0.5) {
        const drop = {
          field,
          before,
          now,
          sampleUrls: current.fieldMisses?.[field]?.slice(0, 5) ?? [],
        };
        fieldDrops.push(drop);
        const severe = now < 0.2 || field === 'body';
        worsen(severe ? 'broken' : 'degraded');
        reasons.push(`field "${field}" matched ${pct(before)} of ads before, ${pct(now)} now`);
      }
    }
    const errBefore = median(recent.map((h) => (h.adsFound ? h.parseErrors / h.adsFound : 0)));
    const errNow = current.parseErrors / Math.max(1, current.adsFound);
    if (errNow > 0.3 && errNow > errBefore * 2) {
      worsen('degraded');
      reasons.push(`parse errors on ${pct(errNow)} of ads (before ${pct(errBefore)})`);
    }
  }
  return { status, reasons, fieldDrops };
}

// The scorer: turns an ad's facts (and, for an entity, its linking features) into a 0–100 score
// whose every point is a reason an analyst can read. Pure and deterministic: the result depends
// only on the input's content, never on its order, so incremental scoring and a full rebuild agree.
//
// Indicators: points = round(lexicon weight × the model's factor for the evidence level), or the
// model's per-code override; contested hits are shown with 0 points. Each code counts once (its
// best hit) per ad and per entity, the codes of one category together up to the category's cap,
// and all reasons together up to 100 — cuts are written into the reason (`uncapped`, `why`), so
// the reasons' points always add up to exactly the score. A stated or implied minor makes the
// result urgent whatever the points. The result also says which kind of exploitation its signs
// point to (exploitation.ts), which adds no points.
import type { EntityFeatures } from '../link/index.js';
import { exploitationOf } from './exploitation.js';
import {
  allLanguages,
  leadThresholdOf,
  SCORE_FLAGS,
  textIn,
  type FeatureRule,
  type LocalText,
  type ScoreFlag,
  type ScoreModel,
} from './model.js';
import type {
  AdScoreInput,
  EntityScoreInput,
  ReasonHit,
  ReasonText,
  ScoredFact,
  ScoreReason,
  ScoreResult,
} from './types.js';

export const MAX_SCORE = 100;
/** Code of the reason shown when a stated age under 18 is not already explained by an indicator. */
export const MINOR_AGE_CODE = 'age.stated_minor';

type Evidence = NonNullable<ScoreReason['evidence']>;
const EVIDENCE_RANK: Record<Evidence, number> = { validated: 0, practitioner: 1, contested: 2 };
const rankOf = (e: Evidence | null) => (e ? EVIDENCE_RANK[e] : 3);

/** Code-unit order: locale-independent, so the same on every machine. */
function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Located {
  adId: string;
  fact: ScoredFact;
  /** The fact lies in its ad's site boilerplate. */
  boilerplate?: boolean;
}

/** Whether a span lies wholly inside one of the boilerplate spans of its ad. */
function inBoilerplate(
  span: ScoredFact['span'],
  spans: readonly { field: string; start: number; end: number }[] | undefined,
): boolean {
  return (spans ?? []).some(
    (s) => s.field === span.field && s.start <= span.start && span.end <= s.end,
  );
}

const spanKey = (l: Located) =>
  `${l.adId}\u0000${l.fact.span.field}\u0000${l.fact.span.start}\u0000${l.fact.span.end}`;

function compareLocated(a: Located, b: Located): number {
  return (
    cmp(a.adId, b.adId) ||
    cmp(a.fact.span.field, b.fact.span.field) ||
    a.fact.span.start - b.fact.span.start ||
    a.fact.span.end - b.fact.span.end
  );
}

/** Up to `max` hits, one per ad in turn (so the quote spans ads), in a fixed order. */
function pickHits(located: Located[], max: number): ReasonHit[] {
  const byAd = new Map<string, Located[]>();
  const seen = new Set<string>();
  for (const l of [...located].sort(compareLocated)) {
    const key = spanKey(l);
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byAd.get(l.adId) ?? [];
    list.push(l);
    byAd.set(l.adId, list);
  }
  const lists = [...byAd.values()];
  const out: ReasonHit[] = [];
  for (let round = 0; out.length < max; round++) {
    let any = false;
    for (const list of lists) {
      const l = list[round];
      if (!l) continue;
      any = true;
      out.push({
        adId: l.adId,
        field: l.fact.span.field,
        start: l.fact.span.start,
        end: l.fact.span.end,
      });
      if (out.length >= max) break;
    }
    if (!any) break;
  }
  return out;
}

/**
 * A piece of text in English (for `label`/`why`, logs and the CSV) and in translatable form (for
 * the console): a catalogue message with its English wording, or a model text in its languages.
 */
interface Part {
  en: string;
  text: ReasonText;
}

type Params = Record<string, string | number>;

const fill = (s: string, params: Params) =>
  s.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));

/** A message of the console's "reasons" catalogue; `en` is its English wording ({name} params). */
function message(key: string, en: string, params: Params = {}): Part {
  return {
    en: fill(en, params),
    text: Object.keys(params).length ? { key, params } : { key },
  };
}

/** A text of the model (or the lexicon) that carries its own languages. */
function modelText(text: LocalText, params: Params = {}): Part {
  return {
    en: fill(textIn(text), params),
    text: Object.keys(params).length
      ? { text: allLanguages(text), params }
      : { text: allLanguages(text) },
  };
}

const english = (parts: Part[]) => parts.map((p) => p.en).join(' ');
const texts = (parts: Part[]) => parts.map((p) => p.text);

/** A reason while it is being built: points may still be cut by a cap. */
interface Draft {
  reason: Omit<ScoreReason, 'label' | 'why' | 'labelText' | 'whyText'>;
  label: Part[];
  why: Part[];
  /** Category cap key for indicators; null for features and the minor-age reason. */
  capKey: string | null;
  notes: Part[];
}

interface BasePoints {
  points: number;
  evidence: Evidence | null;
  why: string;
  whyParts: Part[];
}

/**
 * Points one indicator fact is worth under the model, with the reasoning; in site boilerplate, the
 * model's boilerplate factor applies on top.
 */
export function indicatorPoints(
  fact: ScoredFact,
  model: ScoreModel,
  boilerplate = false,
): BasePoints {
  const base = ownPoints(fact, model);
  if (!boilerplate || base.points === 0) return base;
  const rule = model.boilerplate;
  const points = Math.round(base.points * rule.factor);
  const parts = [
    message(
      'why.boilerplate',
      'In site boilerplate (text the source repeats across most of its ads, over many numbers): {had} × {factor} = {points} points.',
      { had: base.points, factor: rule.factor, points },
    ),
    modelText(rule.why),
    ...base.whyParts,
  ];
  return { points, evidence: base.evidence, why: english(parts), whyParts: parts };
}

function ownPoints(fact: ScoredFact, model: ScoreModel): BasePoints {
  const evidence = fact.evidence ?? null;
  const factors = model.indicators.evidenceFactors;
  const base = (points: number, parts: Part[]): BasePoints => ({
    points,
    evidence,
    why: english(parts),
    whyParts: parts,
  });
  if (evidence === null) {
    return base(0, [message('why.noEvidence', 'No evidence level recorded: shown, not scored.')]);
  }
  if (evidence === 'contested') {
    return base(0, [
      message('why.contested', 'Contested: shown, not scored.'),
      modelText(factors.contested.why),
    ]);
  }
  const override = fact.code ? model.indicators.overrides[fact.code] : undefined;
  if (override && fact.code) {
    return base(override.points, [
      message('why.override', 'This model sets {code} to {points} points:', {
        code: fact.code,
        points: override.points,
      }),
      modelText(override.why),
    ]);
  }
  const weight = typeof fact.weight === 'number' && Number.isFinite(fact.weight) ? fact.weight : 0;
  const factor = factors[evidence].factor;
  const points = Math.min(MAX_SCORE, Math.max(0, Math.round(weight * factor)));
  const level = evidence === 'validated' ? 'Validated' : 'Practitioner';
  return base(points, [
    message(
      `why.${evidence}`,
      `${level} sign: lexicon weight {weight} × {factor} = {points} points.`,
      { weight, factor, points },
    ),
    modelText(factors[evidence].why),
  ]);
}

function isUrgentIndicator(
  code: string,
  category: string | undefined,
  e: Evidence | null,
  model: ScoreModel,
) {
  if (e === null || e === 'contested' || !category) return false;
  if (!(model.urgent.categories as readonly string[]).includes(category)) return false;
  return !model.urgent.exceptCodes.some((x) => x.code === code);
}

interface IndicatorOutcome {
  drafts: Draft[];
  urgent: boolean;
  flags: Set<ScoreFlag>;
}

/**
 * One reason per indicator code over all given ads: its best hit gives the points (duplicates and
 * reposts add nothing), its hits are quoted. Stated minors not covered by an indicator get a
 * reason of their own.
 */
function indicatorDrafts(
  ads: AdScoreInput[],
  model: ScoreModel,
  scope: 'ad' | 'entity',
): IndicatorOutcome {
  const groups = new Map<string, Located[]>();
  const minorAges: Located[] = [];
  const flags = new Set<ScoreFlag>();
  for (const ad of ads) {
    for (const fact of ad.facts) {
      if (fact.kind === 'indicator' && fact.code) {
        const list = groups.get(fact.code) ?? [];
        list.push({ adId: ad.adId, fact, boilerplate: inBoilerplate(fact.span, ad.boilerplate) });
        groups.set(fact.code, list);
      } else if (fact.kind === 'age') {
        if (fact.minor) minorAges.push({ adId: ad.adId, fact });
        else if (fact.young) flags.add('young');
      }
    }
  }
  const totalAds = new Set(ads.map((a) => a.adId)).size;
  const drafts: Draft[] = [];
  const urgentSpans = new Set<string>();
  let urgent = false;
  for (const code of [...groups.keys()].sort(cmp)) {
    const located = groups.get(code)!;
    const scored = located.map((l) => ({
      l,
      base: indicatorPoints(l.fact, model, l.boilerplate === true),
    }));
    // The best hit: most points, then the advertiser's own words over site boilerplate, then
    // strongest evidence, then the first in a fixed order.
    scored.sort(
      (a, b) =>
        b.base.points - a.base.points ||
        Number(a.l.boilerplate ?? false) - Number(b.l.boilerplate ?? false) ||
        rankOf(a.base.evidence) - rankOf(b.base.evidence) ||
        compareLocated(a.l, b.l),
    );
    const best = scored[0]!;
    const fact = best.l.fact;
    const category = fact.category;
    // Only when the site's text is all there is: a sign the site writes on every ad is not this
    // person's, so it neither makes the result urgent nor sets a flag (a stated age under 18 still
    // does, wherever it stands: see minorAges).
    const onlyBoilerplate = best.l.boilerplate === true;
    const isUrgent =
      !onlyBoilerplate && isUrgentIndicator(code, category, best.base.evidence, model);
    if (isUrgent) {
      urgent = true;
      for (const l of located) urgentSpans.add(spanKey(l));
    }
    if (!onlyBoilerplate && category && best.base.evidence && best.base.evidence !== 'contested') {
      const flag = model.categoryFlags[category as keyof ScoreModel['categoryFlags']];
      if (flag) flags.add(flag);
    }
    const adsWith = new Set(located.map((l) => l.adId)).size;
    const places = new Set(located.map(spanKey)).size;
    const count =
      scope === 'entity'
        ? [message('label.ofAds', '({ads} of {total} ads)', { ads: adsWith, total: totalAds })]
        : places > 1
          ? [message('label.foundTimes', '(found {count} times)', { count: places })]
          : [];
    const why =
      scope === 'entity'
        ? [
            ...best.base.whyParts,
            message('why.entityOnce', 'Counted once for the entity:'),
            modelText(model.indicators.entityAggregation.why),
          ]
        : best.base.whyParts;
    // The lexicon's explanation is English; the console has it per code (key), else shows this.
    const explanation: Part = {
      en: fact.explanation ?? code,
      text: { key: `indicators.${code}`, text: { en: fact.explanation ?? code } },
    };
    drafts.push({
      capKey: category ?? '',
      notes: [],
      label: [explanation, ...count],
      why,
      reason: {
        kind: 'indicator',
        code,
        ...(category ? { category } : {}),
        points: best.base.points,
        evidence: best.base.evidence,
        ...(fact.source ? { source: fact.source } : {}),
        hits: pickHits(located, model.indicators.maxHits),
        ...(isUrgent ? { urgent: true } : {}),
        ...(onlyBoilerplate ? { boilerplate: true } : {}),
      },
    });
  }
  // A stated age under 18 is urgent by itself; it gets its own reason unless an urgent indicator
  // already rests on the same text (extraction derives one from every minor age).
  const uncovered = minorAges.filter((l) => !urgentSpans.has(spanKey(l)));
  if (minorAges.length > 0) urgent = true;
  if (uncovered.length > 0) {
    const ages = [...new Set(uncovered.map((l) => l.fact.min).filter((m) => m !== undefined))]
      .sort((a, b) => a - b)
      .join(', ');
    drafts.push({
      capKey: null,
      notes: [],
      label: [
        ages
          ? message('label.minorAges', 'Stated age under 18 ({ages})', { ages })
          : message('label.minorAge', 'Stated age under 18'),
      ],
      why: [
        message('why.minorAge', 'Urgent whatever the score, no points of its own.'),
        modelText(model.urgent.why),
      ],
      reason: {
        kind: 'indicator',
        code: MINOR_AGE_CODE,
        category: 'possible_minor',
        points: 0,
        evidence: null,
        hits: pickHits(uncovered, model.indicators.maxHits),
        urgent: true,
      },
    });
  }
  return { drafts, urgent, flags };
}

function measure(rule: FeatureRule, features: EntityFeatures): { value: number; items: string[] } {
  const raw: unknown = features[rule.feature];
  if (rule.measure === 'distinct') {
    const list = Array.isArray(raw) ? (raw as unknown[]) : [];
    const distinct = [...new Set(list.map((x) => (typeof x === 'number' ? x : String(x))))];
    distinct.sort((a, b) =>
      typeof a === 'number' && typeof b === 'number' ? a - b : cmp(String(a), String(b)),
    );
    return { value: distinct.length, items: distinct.map(String) };
  }
  const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : 0;
  return { value, items: [] };
}

function featureDrafts(
  features: EntityFeatures,
  model: ScoreModel,
): { drafts: Draft[]; flags: Set<ScoreFlag> } {
  const drafts: Draft[] = [];
  const flags = new Set<ScoreFlag>();
  for (const rule of model.features) {
    const { value, items } = measure(rule, features);
    const tier = [...rule.tiers].reverse().find((t) => value >= t.atLeast);
    if (!tier) continue;
    if (rule.flag) flags.add(rule.flag);
    drafts.push({
      capKey: null,
      notes: [],
      label: [modelText(rule.label, { value, items: items.join(', ') })],
      why: [
        message('why.feature', '{value} ≥ {atLeast}: {points} points.', {
          value,
          atLeast: tier.atLeast,
          points: tier.points,
        }),
        modelText(rule.why),
      ],
      reason: {
        kind: 'feature',
        code: rule.feature,
        points: tier.points,
        evidence: rule.evidence,
        source: rule.source,
        value,
      },
    });
  }
  return { drafts, flags };
}

const byPointsThenCode = (a: Draft, b: Draft) =>
  b.reason.points - a.reason.points ||
  rankOf(a.reason.evidence) - rankOf(b.reason.evidence) ||
  cmp(a.reason.kind, b.reason.kind) ||
  cmp(a.reason.code, b.reason.code);

/** Gives each draft at most what is left of `limit`, strongest first, and notes any cut. */
function allot(drafts: Draft[], limit: number, note: (given: number, had: number) => Part[]) {
  let left = limit;
  for (const d of [...drafts].sort(byPointsThenCode)) {
    const had = d.reason.points;
    const given = Math.min(had, left);
    left -= given;
    if (given < had) {
      d.reason.uncapped = d.reason.uncapped ?? had;
      d.reason.points = given;
      d.notes.push(...note(given, had));
    }
  }
}

function applyCaps(drafts: Draft[], model: ScoreModel): void {
  const byCategory = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.capKey === null) continue;
    const list = byCategory.get(d.capKey) ?? [];
    list.push(d);
    byCategory.set(d.capKey, list);
  }
  for (const [key, list] of byCategory) {
    const cap =
      model.indicators.categoryCaps[key as keyof ScoreModel['indicators']['categoryCaps']] ??
      model.indicators.defaultCap;
    const name = key || 'uncategorised';
    allot(list, cap.cap, (given, had) => [
      message(
        'why.categoryCap',
        'Cut from {had} to {given}: {category} signs count at most {cap} points together.',
        { had, given, category: name, cap: cap.cap },
      ),
      modelText(cap.why),
    ]);
  }
  allot(drafts, MAX_SCORE, (given, had) => [
    message('why.scoreCap', 'Cut from {had} to {given}: a score stops at {max}.', {
      had,
      given,
      max: MAX_SCORE,
    }),
  ]);
}

function result(
  drafts: Draft[],
  urgent: boolean,
  flagSet: Set<ScoreFlag>,
  version: number,
): ScoreResult {
  const reasons: ScoreReason[] = drafts
    .map((d) => {
      const why = [...d.notes, ...d.why];
      return {
        ...d.reason,
        label: english(d.label),
        why: english(why),
        labelText: texts(d.label),
        whyText: texts(why),
      };
    })
    .sort(
      (a, b) =>
        b.points - a.points ||
        Number(b.urgent ?? false) - Number(a.urgent ?? false) ||
        rankOf(a.evidence) - rankOf(b.evidence) ||
        cmp(a.kind, b.kind) ||
        cmp(a.code, b.code),
    );
  if (urgent) flagSet.add('urgent');
  const flags = (Object.keys(SCORE_FLAGS) as ScoreFlag[]).filter((f) => flagSet.has(f));
  return {
    score: reasons.reduce((sum, r) => sum + r.points, 0),
    urgent,
    flags,
    reasons,
    modelVersion: version,
    // From the reasons themselves, so the type rests on exactly the signs the points rest on.
    exploitationType: exploitationOf(reasons).type,
  };
}

/** Scores one ad from its facts alone. */
export function scoreAd(input: AdScoreInput, model: ScoreModel, version: number): ScoreResult {
  const ind = indicatorDrafts([input], model, 'ad');
  applyCaps(ind.drafts, model);
  return result(ind.drafts, ind.urgent, ind.flags, version);
}

/** Scores an entity: its ads' indicators (each code once, at its best hit) and its features. */
export function scoreEntity(
  input: EntityScoreInput,
  model: ScoreModel,
  version: number,
): ScoreResult {
  const ind = indicatorDrafts(input.ads, model, 'entity');
  const feat = featureDrafts(input.features, model);
  const drafts = [...ind.drafts, ...feat.drafts];
  applyCaps(drafts, model);
  return result(drafts, ind.urgent, new Set([...ind.flags, ...feat.flags]), version);
}

/** Whether a scored entity belongs in the triage queue under the model. */
export function isLead(
  result: Pick<ScoreResult, 'score' | 'urgent' | 'exploitationType'>,
  model: ScoreModel,
): boolean {
  return result.urgent || result.score >= leadThresholdOf(model, result.exploitationType);
}

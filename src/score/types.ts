// Shapes of scores: the reasons that add up to a score, and what scoring reads of an ad. Plain data
// shared by the scorer, the store, the API and the console.
import type { ExploitationType } from '../extract/index.js';
import type { EntityFeatures } from '../link/index.js';

/** A span of ad text that supports a reason. */
export interface ReasonHit {
  adId: string;
  field: string;
  start: number;
  end: number;
}

/**
 * One piece of a reason's text, for the console to show in the reader's language: a message of
 * the console's catalogue (`key`, with `params`), or a text that carries its own translations (a
 * model's reasoning, `text`). A key the console does not know falls back to `text`, then to the
 * reason's English fields. Old stored reasons have no parts and show in English.
 */
export interface ReasonText {
  key?: string;
  text?: { en: string; nl?: string };
  params?: Record<string, string | number>;
}

/** One line of a score's explanation; the points of all reasons add up to the score (max 100). */
export interface ScoreReason {
  kind: 'indicator' | 'feature';
  /** Indicator code (lexicon) or feature name (EntityFeatures key). */
  code: string;
  /** Indicator category, for indicators. */
  category?: string;
  /** Points this reason adds (0: shown but not scored, e.g. contested indicators). */
  points: number;
  evidence: 'validated' | 'practitioner' | 'contested' | null;
  /** One line for the analyst: what was seen. */
  label: string;
  /** The model's reasoning for this weight. */
  why: string;
  /** `label` as translatable parts (joined with a space). */
  labelText?: ReasonText[];
  /** `why` as translatable parts (joined with a space). */
  whyText?: ReasonText[];
  /** Published source of the indicator. */
  source?: string;
  /** Where the indicator was found (at most a few per reason). */
  hits?: ReasonHit[];
  /** The feature's value, as the model compared it. */
  value?: number | string | string[];
  /** Points before a category cap or the 100 ceiling cut them (absent when nothing was cut). */
  uncapped?: number;
  /** This reason makes the result urgent (a stated or implied minor), whatever its points. */
  urgent?: boolean;
  /** Its best hit lies in site boilerplate (text the source repeats across its ads). */
  boilerplate?: boolean;
}

export interface ScoreResult {
  score: number;
  urgent: boolean;
  /** Named flags for filters: urgent (minor), young, template, shared_number, image_reuse, … */
  flags: string[];
  reasons: ScoreReason[];
  modelVersion: number;
  /** Which kind of exploitation the counted signs point to (exploitation.ts). Adds no points. */
  exploitationType: ExploitationType;
}

/** A fact of an ad as scoring reads it (a subset of the stored extraction facts). */
export interface ScoredFact {
  kind: string;
  code?: string;
  category?: string;
  evidence?: 'validated' | 'practitioner' | 'contested';
  weight?: number;
  explanation?: string;
  source?: string;
  minor?: boolean;
  young?: boolean;
  min?: number;
  obfuscated?: boolean;
  span: { field: string; start: number; end: number };
}

export interface AdScoreInput {
  adId: string;
  facts: ScoredFact[];
  /** Spans of the ad's text that are its site's boilerplate: signs there score × the model's factor. */
  boilerplate?: { field: string; start: number; end: number }[];
}

export interface EntityScoreInput {
  ads: AdScoreInput[];
  features: EntityFeatures;
}

// Public face of the pure extraction context (text in, facts out): what src/facts, the CLI, the
// bench and other contexts may use. Everything else in src/extract is internal.
export { extractAll } from './extract.js';
export {
  buildRuleSet,
  defaultRuleSet,
  BlockRule,
  CustomTerm,
  RuleSetInput,
  EXTRACTOR_VERSION,
  type RuleSet,
} from './rules.js';
export { exploitationTypeOf, signExploitation } from './exploitation.js';
export {
  AgeFact,
  CATEGORY_EXPLOITATION,
  ExploitationType,
  SignExploitation,
  EmailFact,
  Evidence,
  ExtractInput,
  ExtractionResult,
  Fact,
  FactKind,
  IndicatorCategory,
  IndicatorFact,
  LanguageFact,
  LocationTypeFact,
  MessengerFact,
  MessengerPlatform,
  Obfuscation,
  PhoneFact,
  PlaceFact,
  PostcodeFact,
  PriceFact,
  Span,
  SpanField,
  SpokenLanguageFact,
  SuppressedFact,
  UrlFact,
} from './schema.js';
export { evaluate, loadCorpus, CorpusCase, type Evaluation, type Score } from './evaluate.js';
export { LexiconEntry, LexiconFile, loadBuiltInLexicons } from './lexicon.js';
export { FIELD_CAP, wellFormed } from './text.js';
export { loadGazetteer, type GazetteerPlace } from './places.js';
export { DERIVED_INDICATORS } from './indicators.js';
export {
  findIdentifierSpans,
  findIdentifierSpansAnyRegion,
  IDENTIFIER_FACT_KINDS,
  identifierSpansOf,
  maskQuotedIdentifiers,
  maskSpans,
  maskStoredFact,
  maskValue,
  maskWhole,
  unsearchedTail,
  type IdentifierSpan,
} from './identifier-masks.js';

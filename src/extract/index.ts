// Public face of the extraction context: what the job, the API, the CLI and the bench may use.
// Everything else in src/extract is internal and may change without notice.
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
export {
  AgeFact,
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
export { FIELD_CAP } from './text.js';

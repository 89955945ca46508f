// Shared text kernel: pure functions over strings that several contexts compare words with (the
// one folding, the one pattern language operators write word lists in). No context imports, no
// I/O; any context may import this face.
export { fold, foldWithin } from './fold.js';
export {
  leadingSteps,
  matchPatternAt,
  MAX_PATTERN_ELEMENTS,
  MIN_WILDCARD_LETTERS,
  parsePattern,
  PATTERN_SYNTAX_HELP,
  PatternError,
  type NumberStep,
  type ParsedPattern,
  type PatternStep,
  type WordSequence,
  type WordStep,
  type WordTest,
} from './word-pattern.js';

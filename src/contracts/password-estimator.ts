// The password strength estimate: zxcvbn-ts with the dictionaries shipped in its packages (common
// and leaked passwords, English and Dutch words and names, keyboard patterns). No network: the
// haveibeenpwned matcher is not used. The dictionaries are megabytes, so they are imported only
// when the first password is judged — on the server once per process, in the console as a chunk
// of its own. Shared by both, so a password scores the same on either side (src/contracts: no
// server code, no Node built-ins).
import type { StrengthEstimate } from './password-rules.js';

export type Estimator = (password: string, userInputs: readonly string[]) => StrengthEstimate;

// The estimate looks at the first 64 characters: anything longer is strong by length alone, and
// zxcvbn's l33t matching grows fast with length (a long "p@$$w0rd…" took half a second with the
// defaults; capped like this, tens of milliseconds).
const MAX_JUDGED_LENGTH = 64;
const MAX_L33T_SUBSTITUTIONS = 16;
const COMMON_PASSWORDS = 'passwords-common';

export async function loadEstimator(): Promise<Estimator> {
  const [core, common, en, nl] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    // Version 3 of the Dutch (Belgian) pack: its word lists are plain arrays, as core 4 expects.
    import('@zxcvbn-ts/language-nl-be'),
  ]);
  const factory = new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...nl.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    maxLength: MAX_JUDGED_LENGTH,
    l33tMaxSubstitutions: MAX_L33T_SUBSTITUTIONS,
    // Levenshtein matching against every dictionary takes seconds per password.
    useLevenshteinDistance: false,
  });
  return (password, userInputs) => {
    const result = factory.check(password, [...userInputs]);
    const judged = Math.min(password.length, MAX_JUDGED_LENGTH);
    // The longest stretch that is one entry of the list: "password1234" is mostly "password",
    // while a phrase of several common words ("copper kite meadow") is not a common password.
    let common = 0;
    for (const match of result.sequence) {
      if ('dictionaryName' in match && match.dictionaryName === COMMON_PASSWORDS) {
        common = Math.max(common, match.j - match.i + 1);
      }
    }
    return { score: result.score, commonShare: judged > 0 ? common / judged : 0 };
  };
}

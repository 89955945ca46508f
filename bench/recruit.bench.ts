// Criminal recruitment (issue 17) measured against the recruitment board's ground truth: a seeded
// world of job-board posts and public-channel posts (recruitment in Dutch and English beside real
// vacancies, chatter and prevention warnings; fixtures/recruit-board) is read post by post as the
// collector stores it. Prints precision and recall of the recruitment signs per language and per
// sign, and accuracy, precision and recall of the exploitation type per post, per recruiter (the
// union of the signs of all their posts) and per poster (recruiters, companies, chatter channels),
// each with its target and the ratio to it (1 or more meets it), and beside it the same figure on
// the tests' smaller seeded world with the floor the tests hold there. fixtures/recruit-board/evaluate.ts says what each figure counts.
import { generateWorld } from '../fixtures/ad-board/index.js';
import {
  evaluateRecruitWorld,
  FLOOR_WORLD,
  RECRUIT_BARS,
  type Bar,
  type RecruitEvaluation,
  type TypeScore,
} from '../fixtures/recruit-board/evaluate.js';
import { generateRecruitWorld } from '../fixtures/recruit-board/index.js';
import { SIGN_CODES } from '../fixtures/recruit-board/model.js';
import { fmt, pct } from './lib/measure.js';
import type { BenchResult } from './run.js';

const SEED = 'recruit-bench';

/** A figure against its target, and the same figure on the tests' world against its floor. */
const vs = (value: number, floorValue: number, bar: Bar) =>
  `${pct(value)} (target ${bar.target.toFixed(2)}, ratio ${(value / bar.target).toFixed(2)}; test world ${pct(floorValue)}, floor ${bar.floor.toFixed(2)}${floorValue < bar.floor ? ' BELOW' : ''})`;

type TypeKey = 'postType' | 'recruiterType' | 'posterType';

function typeLines(
  label: string,
  key: TypeKey,
  e: RecruitEvaluation,
  f: RecruitEvaluation,
): string[] {
  const s: TypeScore = e[key];
  const bars: Partial<Record<string, Bar>> = RECRUIT_BARS[key];
  const parts = (['accuracy', 'precision', 'recall'] as const).map((name) => {
    const bar = bars[name];
    return bar ? `${name} ${vs(s[name], f[key][name], bar)}` : `${name} ${pct(s[name])}`;
  });
  const confusion = Object.entries(s.confusion)
    .map(
      ([expected, found]) =>
        `${expected} → ${Object.entries(found)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}`,
    )
    .join('; ');
  return [`${label} (${s.n}):`, ...parts.map((p) => `  ${p}`), `  truth → extracted: ${confusion}`];
}

export async function recruitBench(): Promise<BenchResult> {
  const world = generateRecruitWorld({
    seed: SEED,
    channels: 16,
    vacancies: 200,
    adBoard: generateWorld({ seed: SEED, ads: 200 }),
  });
  const t0 = performance.now();
  const e = evaluateRecruitWorld(world);
  const seconds = (performance.now() - t0) / 1000;
  const recruitment = world.posts.filter((p) => p.recruitment).length;
  // The tests' smaller world, for the floors they hold (fixtures/recruit-board/evaluate.test.ts).
  const f = evaluateRecruitWorld(
    generateRecruitWorld({ ...FLOOR_WORLD, adBoard: generateWorld(FLOOR_WORLD.adBoard) }),
  );
  const lines = [
    `${world.posts.length} posts of the recruitment board (seed ${SEED}: ${world.channels.length} channels, ${world.posts.length - world.channels.reduce((n, c) => n + c.postIds.length, 0)} job-board posts), ${recruitment} of them recruitment; ${fmt(world.posts.length / seconds, 0)} posts/s`,
    `recruitment signs, all: P ${pct(e.signs.precision)} R ${pct(e.signs.recall)} (tp ${e.signs.tp}, fp ${e.signs.fp}, fn ${e.signs.fn})`,
  ];
  for (const lang of ['nl', 'en'] as const) {
    const s = e.signsByLanguage[lang];
    const bars = RECRUIT_BARS.signs[lang];
    const t = f.signsByLanguage[lang];
    lines.push(
      `  ${lang} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}): precision ${vs(s.precision, t.precision, bars.precision)}; recall ${vs(s.recall, t.recall, bars.recall)}`,
    );
  }
  for (const code of SIGN_CODES) {
    const s = e.signsByCode[code];
    lines.push(
      `  ${code.padEnd(22)} P ${pct(s.precision)} R ${pct(s.recall)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
    );
  }
  lines.push(
    ...typeLines('exploitation type per post', 'postType', e, f),
    ...typeLines('exploitation type per recruiter (union of their signs)', 'recruiterType', e, f),
    ...typeLines(
      'exploitation type per poster (recruiters, companies, chatter channels)',
      'posterType',
      e,
      f,
    ),
  );
  return { name: 'criminal recruitment vs recruitment-board ground truth', lines };
}

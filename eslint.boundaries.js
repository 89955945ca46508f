// The import map of ARCHITECTURE.md as lint rules, so that a wrong import fails CI:
//
//   src/platform      imports no context, nor src/app, src/cli, src/demo.
//   a context         (collect, extract, facts, link, score, outreach, cases, chat, vault, insights)
//                     imports another context only through its index.ts, and only one earlier on
//                     the data's way: collect ← extract/facts ← link ← score ← outreach ← cases ←
//                     chat/vault, and cases ← insights (chat, vault and insights do not read each
//                     other) (a call the other way is a hook that src/app wires). A schema.ts may
//                     import another context's schema.ts, for foreign keys; nothing else reaches
//                     another context's tables.
//   src/app           the composition root: the one place that imports every context, through
//                     index.ts (schema.ts too, for the schema aggregate). The demo only by import().
//   src/cli, src/demo entries: contexts through index.ts (the CLI may use src/app).
//   pure cores        src/extract and src/<context>/domain: no database (drizzle-orm, pg, PGlite), no
//                     HTTP (fastify), no src/platform/db, http, jobs or table files.
//   src/contracts     shared with the browser: imports nothing from src outside itself, no node:.
//   web/**            imports nothing from src but src/contracts (and never fixtures/ or test/).
//   fixtures/, test/  never imported by src, except by tests (*.test.ts) and by the demo.
//
// Tests (*.test.ts) may set up data through another context's internals; the platform and pure-core
// rules hold for them too. Rules are on the import text (ESLint does not resolve paths), so each
// pattern names a folder after one or more "../"; dynamic import() is checked by the same patterns.

const CONTEXTS = [
  'collect',
  'extract',
  'facts',
  'link',
  'score',
  'outreach',
  'cases',
  'chat',
  'vault',
  'insights',
];
/** Each context and the earlier contexts it may read (the arrows follow the data). */
const UPSTREAM = {
  collect: [],
  extract: [],
  facts: ['collect', 'extract'],
  link: ['collect', 'extract', 'facts'],
  score: ['collect', 'extract', 'facts', 'link'],
  outreach: ['collect', 'extract', 'facts', 'link', 'score'],
  cases: ['collect', 'extract', 'facts', 'link', 'score', 'outreach'],
  chat: ['collect', 'extract', 'facts', 'link', 'score', 'outreach', 'cases'],
  vault: ['collect', 'extract', 'facts', 'link', 'score', 'outreach', 'cases'],
  insights: ['collect', 'extract', 'facts', 'link', 'score', 'outreach', 'cases'],
};
/** Pure cores inside a context (its domain rules): they read no other context at all. */
const DOMAINS = ['outreach', 'cases', 'chat', 'vault', 'insights'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const UP = String.raw`^(\.\./)+`;

const rule = (regex, message) => ({ regex, message });

const noFixtures = rule(
  `${UP}(fixtures|test)/`,
  'fixtures/ and test/ are not part of the program: only tests and src/demo import them.',
);
const contextInternals = (contexts, allowSchema) =>
  rule(
    // A context's tables may sit in a folder's schema.ts (cases/partners/schema.ts): still tables.
    `${UP}(${contexts.join('|')})/(?!index\\.js$${allowSchema ? '|([\\w-]+/)*schema\\.js$' : ''})`,
    allowSchema
      ? "Import another context through its index.ts (a schema.ts may import another's schema.ts)."
      : 'Import another context only through its index.ts.',
  );
const noContexts = (contexts, message) => rule(`${UP}(${contexts.join('|')})(/|$)`, message);
const noEntries = (names) =>
  rule(
    `${UP}(${names.join('|')})/`,
    `Nothing here imports ${names.map((n) => `src/${n}`).join(' or ')}: entries and the composition root import the rest, not the other way.`,
  );
const pureCore = [
  rule(
    String.raw`^(drizzle-orm|drizzle-kit|pg|pg-boss|fastify|fastify-.*)(/|$)|^@(electric-sql|fastify)/`,
    'A pure core takes text and values, and gives them back: no database, no HTTP.',
  ),
  rule(
    `${UP}platform/(db|http)/|${UP}platform/jobs\\.js$|${UP}platform/.*schema\\.js$`,
    'A pure core imports no database or HTTP code of the platform (nor its tables).',
  ),
];

/** One config object per folder: a file must get all its rules from one object (flat config). */
function boundary(files, rules, { ignores = [], dynamicRules = rules } = {}) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { patterns: rules }],
      'no-restricted-syntax': [
        'error',
        ...dynamicRules.map((r) => ({
          selector: `ImportExpression > Literal.source[value=/${r.regex.replaceAll('/', '\\/')}/]`,
          message: r.message,
        })),
      ],
    },
  };
}

const platformRules = [
  noContexts(
    [...CONTEXTS, 'app', 'cli', 'demo'],
    'src/platform knows no context (src/app wires them).',
  ),
];

export const importBoundaries = [
  boundary(['src/platform/**/*.ts'], [...platformRules, noFixtures], { ignores: TESTS }),
  boundary(
    TESTS.map((t) => `src/platform/${t}`),
    platformRules,
  ),

  ...CONTEXTS.flatMap((ctx) => {
    const upstream = UPSTREAM[ctx];
    const later = CONTEXTS.filter((c) => c !== ctx && !upstream.includes(c));
    const common = [
      ...(later.length
        ? [
            noContexts(
              later,
              upstream.length
                ? `${ctx} reads only ${upstream.join(', ')}: a call the other way is a hook src/app wires.`
                : `${ctx} reads no other context: a call the other way is a hook src/app wires.`,
            ),
          ]
        : []),
      noEntries(['app', 'cli', 'demo']),
      noFixtures,
    ];
    const internals = upstream.length ? [contextInternals(upstream, false)] : [];
    const schemaInternals = upstream.length ? [contextInternals(upstream, true)] : [];
    const pure = ctx === 'extract' ? pureCore : [];
    return [
      boundary([`src/${ctx}/**/*.ts`], [...common, ...internals, ...pure], {
        ignores: [...TESTS, `src/${ctx}/**/schema.ts`, `src/${ctx}/domain/**`],
      }),
      boundary([`src/${ctx}/**/schema.ts`], [...common, ...schemaInternals, ...pure]),
      // Tests beside the code may set up data through any context and the app; a pure core's
      // tests stay pure.
      ...(pure.length
        ? [
            boundary(
              TESTS.map((t) => `src/${ctx}/${t}`),
              pure,
            ),
          ]
        : []),
    ];
  }),
  // <context>/domain: a context's pure core.
  ...DOMAINS.flatMap((ctx) => [
    boundary(
      [`src/${ctx}/domain/**/*.ts`],
      [
        noContexts(
          CONTEXTS.filter((c) => c !== ctx),
          `${ctx}/domain is pure: it reads no other context.`,
        ),
        noEntries(['app', 'cli', 'demo']),
        ...pureCore,
        noFixtures,
      ],
      { ignores: TESTS },
    ),
    boundary(
      TESTS.map((t) => `src/${ctx}/domain/${t}`),
      pureCore,
    ),
  ]),

  boundary(
    ['src/app/**/*.ts'],
    [contextInternals(CONTEXTS, true), noEntries(['cli', 'demo']), noFixtures],
    {
      ignores: TESTS,
      // The start command loads the demo with import(), only when demo data is on.
      dynamicRules: [contextInternals(CONTEXTS, true), noEntries(['cli']), noFixtures],
    },
  ),
  boundary(
    ['src/cli/**/*.ts'],
    [contextInternals(CONTEXTS, false), noEntries(['demo']), noFixtures],
    { ignores: TESTS },
  ),
  boundary(['src/demo/**/*.ts'], [contextInternals(CONTEXTS, false), noEntries(['app', 'cli'])], {
    ignores: TESTS,
  }),
  boundary(
    ['src/contracts/**/*.ts'],
    [
      rule(
        String.raw`^\.\./`,
        'A contract is shared with the browser: it imports nothing from src.',
      ),
      rule('^node:', 'A contract runs in the browser too: no Node built-ins.'),
    ],
  ),
  boundary(
    ['web/**/*.ts', 'web/**/*.tsx'],
    [
      rule(
        `${UP}src/(?!contracts/)`,
        'The console talks to the server over HTTP; from src it may import only src/contracts.',
      ),
      noFixtures,
    ],
    { ignores: TESTS },
  ),
];

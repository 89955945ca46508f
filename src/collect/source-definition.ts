// What a source is: declarative data an analyst writes (or imports as JSON) that tells the crawler
// where to start, how to find listing and ad pages, how to read each field of an ad, and how
// politely to behave. Validated with zod wherever it enters: console, API, import file, database.
import { Cron } from 'croner';
import { z } from 'zod';

/** How to read one field: a CSS selector, and optionally an attribute and a regex to cut the value. */
export const FieldRule = z
  .object({
    selector: z.string().trim().min(1).max(500),
    /** Read this attribute instead of the text (e.g. "href", "data-phone", "datetime"). */
    attribute: z.string().trim().min(1).max(100).optional(),
    /** Keep only what this regex's first group (or whole match) captures. */
    pattern: z
      .string()
      .max(300)
      .refine(
        (p) => {
          try {
            new RegExp(p, 'u');
            return true;
          } catch {
            return false;
          }
        },
        { message: 'not a valid regular expression', params: { reason: 'regex' } },
      )
      .optional(),
    /** Collect every match (image URLs) rather than the first. */
    all: z.boolean().default(false),
  })
  .strict();
export type FieldRule = z.infer<typeof FieldRule>;

export const AD_FIELDS = [
  'title',
  'body',
  'postedAt',
  'city',
  'displayName',
  'age',
  'phone',
  'price',
  'images',
  'externalId',
] as const;
export type AdField = (typeof AD_FIELDS)[number];

const urlPattern = z
  .string()
  .max(500)
  .refine(
    (p) => {
      try {
        new RegExp(p, 'u');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression', params: { reason: 'regex' } },
  );

export const SourceDefinition = z
  .object({
    name: z
      .string()
      .trim()
      .min(2)
      .max(80)
      // A refine rather than .regex: a regex check carries no params, and the reason lets the
      // console say the rule in the user's language.
      .refine((n) => /^[a-z0-9][a-z0-9_.-]*$/.test(n), {
        message: 'use lower-case letters, digits, ".", "_" or "-"',
        params: { reason: 'sourceName' },
      }),
    description: z.string().max(2000).default(''),
    /** ISO 3166-1 alpha-2 country: default region for phone numbers and places. */
    country: z
      .string()
      .length(2)
      .transform((s) => s.toUpperCase()),
    startUrls: z
      .array(z.url({ protocol: /^https?$/ }))
      .min(1)
      .max(500),
    crawler: z.enum(['http', 'browser']).default('http'),
    listing: z
      .object({
        /** Links to further listing pages (pagination, city pages). */
        nextPageSelector: z.string().max(500).optional(),
        /** Links from a listing to ad pages. */
        adLinkSelector: z.string().max(500).optional(),
        /** Alternatively/additionally: URLs matching this regex are ad pages. */
        adUrlPattern: urlPattern.optional(),
        /** URLs matching this regex are listing pages worth following. */
        listingUrlPattern: urlPattern.optional(),
      })
      .strict()
      .refine((l) => l.adLinkSelector || l.adUrlPattern, {
        message: 'give adLinkSelector or adUrlPattern so ad pages can be found',
        params: { reason: 'adPages' },
      }),
    fields: z
      .object({
        title: FieldRule.optional(),
        body: FieldRule,
        postedAt: FieldRule.optional(),
        city: FieldRule.optional(),
        displayName: FieldRule.optional(),
        age: FieldRule.optional(),
        phone: FieldRule.optional(),
        price: FieldRule.optional(),
        images: FieldRule.optional(),
        /** If absent, the ad URL identifies the ad. */
        externalId: FieldRule.optional(),
      })
      .strict(),
    /** For browser sources: wait for this selector before reading the page. */
    waitForSelector: z.string().max(500).optional(),
    politeness: z
      .object({
        maxConcurrencyPerHost: z.number().int().min(1).max(16).default(2),
        delayMs: z.number().int().min(0).max(60_000).default(500),
        respectRobotsTxt: z.boolean().default(true),
        userAgent: z
          .string()
          .min(3)
          .max(200)
          .default('AriadneBot/0.1 (+outreach research; contact via operator)'),
      })
      .strict()
      .default({
        maxConcurrencyPerHost: 2,
        delayMs: 500,
        respectRobotsTxt: true,
        userAgent: 'AriadneBot/0.1 (+outreach research; contact via operator)',
      }),
    limits: z
      .object({
        maxPages: z.number().int().min(1).max(1_000_000).default(5000),
        /** Link hops away from listing pages; paging through a listing does not count. */
        maxDepth: z.number().int().min(0).max(50).default(10),
        maxResponseBytes: z
          .number()
          .int()
          .min(1024)
          .max(100 * 1024 * 1024)
          .default(5 * 1024 * 1024),
        pageTimeoutMs: z.number().int().min(1000).max(300_000).default(30_000),
        maxRedirects: z.number().int().min(0).max(20).default(5),
        maxRetries: z.number().int().min(0).max(10).default(3),
      })
      .strict()
      .default({
        maxPages: 5000,
        maxDepth: 10,
        maxResponseBytes: 5 * 1024 * 1024,
        pageTimeoutMs: 30_000,
        maxRedirects: 5,
        maxRetries: 3,
      }),
    /** Cron expression (UTC) for scheduled crawls; absent = only on demand. */
    schedule: z
      .string()
      .max(100)
      .refine(
        (c) => {
          try {
            new Cron(c, { paused: true });
            return true;
          } catch {
            return false;
          }
        },
        { message: 'not a valid cron expression', params: { reason: 'cron' } },
      )
      .optional(),
    /** Do not re-fetch an ad page seen within this many hours. */
    recrawlHours: z
      .number()
      .min(0)
      .max(24 * 365)
      .default(24),
    /** Keep fetched images (otherwise only their hashes are kept). */
    keepImages: z.boolean().default(false),
    fetchImages: z.boolean().default(true),
  })
  .strict();

export type SourceDefinition = z.infer<typeof SourceDefinition>;
export type SourceDefinitionInput = z.input<typeof SourceDefinition>;

/** Human-readable list of what is wrong with a candidate definition, one line per problem. */
export function describeSourceProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'source'}: ${i.message}`);
}

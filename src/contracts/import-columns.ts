// The columns of JSON lines and CSV imports: a contract shared by the importers (collect) and the
// CLI, whose help lists them without loading the importers and the database layer behind them.
import { z } from 'zod';

/** The columns of JSON lines and CSV imports (README documents the same list). */
export const ImportedAd = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    external_id: z.string().trim().min(1).max(200).optional(),
    title: z.string().max(2000).optional(),
    body: z.string().trim().min(1, 'body is empty').max(50_000),
    posted_at: z.iso.datetime({ offset: true }).optional(),
    city: z.string().max(200).optional(),
    display_name: z.string().max(200).optional(),
    phone: z.string().max(200).optional(),
    age: z.string().max(50).optional(),
    price: z.string().max(200).optional(),
    seen_at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ImportedAd = z.infer<typeof ImportedAd>;
export const IMPORT_COLUMNS = Object.keys(ImportedAd.shape);

// What the crawl does with a page it fetched: queue the listings and ads it links to, and for an ad
// page read its fields, fingerprint its pictures and hand the ad to the caller.
import { classifyError } from './crawl-errors.js';
import {
  enqueueUrls,
  linkedRequests,
  type CrawlContext,
  type PageRequest,
} from './crawl-enqueue.js';
import type { CrawlFetcher } from './crawl-fetcher.js';
import type { CrawlStats, FoundAd } from './crawl-stats.js';
import { fingerprintImage } from './image-hash.js';
import { findLinks, loadPage, parseAdPage, type ParsedAd } from './parse-page.js';
import type { SourceDefinition } from './source-definition.js';

/** A page as fetched: its final URL, its HTML (rendered, for a browser source) and its capture. */
export interface FetchedPage {
  url: string;
  html: string;
  captureId: string;
  fetchedAt: Date;
}

export async function handlePage(
  ctx: CrawlContext,
  page: FetchedPage,
  request: PageRequest,
): Promise<void> {
  const $ = loadPage(page.html);
  const links = findLinks($, page.url, ctx.def);
  const next = linkedRequests(request);
  await enqueueUrls(ctx, links.listings, next.listing);
  await enqueueUrls(ctx, links.ads, next.ad);
  if (request.kind === 'ad') await handleAdPage(ctx, page, $);
}

async function handleAdPage(
  ctx: CrawlContext,
  page: FetchedPage,
  $: ReturnType<typeof loadPage>,
): Promise<void> {
  const { def, fetcher, hooks, stats } = ctx;
  const { url } = page;
  const parsed = parseAdPage($, url, def);
  countFields(stats, def, parsed, url);
  if (!parsed.fields.body) {
    await fetcher.recordError({
      url,
      kind: 'parse',
      message: parsed.errors.join('; ') || 'no ad body found',
    });
    return;
  }
  const images = def.fetchImages
    ? await fingerprintAdImages(def, fetcher, (parsed.fields.images ?? []).slice(0, 10))
    : [];
  stats.adsFound++;
  const outcome = await hooks.ad({
    url,
    parsed,
    pageCaptureId: page.captureId,
    fetchedAt: page.fetchedAt,
    images,
  });
  if (outcome === 'new') stats.adsNew++;
  else if (outcome === 'changed') stats.adsChanged++;
  else stats.adsUnchanged++;
  hooks.progress?.(stats);
}

/** Counts an ad page read, and which of the source's fields it filled (a few misses kept as examples). */
function countFields(stats: CrawlStats, def: SourceDefinition, parsed: ParsedAd, url: string) {
  stats.adsParsed++;
  if (parsed.errors.length) stats.parseErrors++;
  for (const [field] of Object.entries(def.fields).filter(([, r]) => r)) {
    if (parsed.missing.includes(field as never)) {
      const misses = (stats.fieldMisses[field] ??= []);
      if (misses.length < 5) misses.push(url);
    } else {
      stats.fieldFound[field] = (stats.fieldFound[field] ?? 0) + 1;
    }
  }
}

/** Fetches an ad's pictures (those robots.txt allows) for their perceptual hashes; failures are recorded and skipped. */
async function fingerprintAdImages(
  def: SourceDefinition,
  fetcher: CrawlFetcher,
  urls: string[],
): Promise<FoundAd['images']> {
  const images: FoundAd['images'] = [];
  for (const imageUrl of urls) {
    try {
      if (!(await fetcher.allowedByRobots(imageUrl))) continue;
      // Only the hashes are kept unless the source keeps images: least data.
      const { res, captureId } = await fetcher.fetch(imageUrl, {
        kind: 'image',
        keep: def.keepImages,
        accept: 'image/*',
        maxBytes: Math.min(def.limits.maxResponseBytes, 10 * 1024 * 1024),
      });
      const fp = await fingerprintImage(res.body);
      images.push({ ...fp, url: imageUrl, ...(captureId ? { captureId } : {}) });
    } catch (err) {
      await fetcher.recordError({ url: imageUrl, ...classifyError(err) });
    }
  }
  return images;
}

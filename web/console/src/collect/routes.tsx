// Routes of sources (/sources, /sources/new, /sources/:id?tab=…), ads (/ads with its filters in the
// URL, /ads/:id?version=N) and extraction rules (/rules). The console's router adds them under its
// root with one line.
import { createRoute, getRouteApi, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../app/lazy-page';
import { parseAdSearch } from '../ads/search';
import { SOURCE_TABS, type SourceTab } from './source-tabs';

const sourceApi = getRouteApi('/sources/$sourceId');
const adsApi = getRouteApi('/ads');
const adApi = getRouteApi('/ads/$adId');

const SourcePage = lazyPage(() => import('./SourcePage'), 'SourcePage');
const AdsPage = lazyPage(() => import('../ads/AdsPage'), 'AdsPage');
const AdPage = lazyPage(() => import('../ads/AdPage'), 'AdPage');

// The pages take their parameters as props; these read them from the route. Each carries its
// page's preload, so the router fetches the page before it shows it.
const SourceRoute = Object.assign(
  function SourceRoute() {
    const { sourceId } = sourceApi.useParams();
    const { tab } = sourceApi.useSearch();
    return <SourcePage key={sourceId} sourceId={sourceId} tab={tab ?? 'crawls'} />;
  },
  { preload: SourcePage.preload },
);

const AdsRoute = Object.assign(
  function AdsRoute() {
    return <AdsPage filters={adsApi.useSearch()} />;
  },
  { preload: AdsPage.preload },
);

const AdRoute = Object.assign(
  function AdRoute() {
    const { adId } = adApi.useParams();
    const { version } = adApi.useSearch();
    return <AdPage key={adId} adId={adId} version={version} />;
  },
  { preload: AdPage.preload },
);

export function collectRoutes<TParent extends AnyRoute>(parent: TParent) {
  const sources = createRoute({
    getParentRoute: () => parent,
    path: '/sources',
    component: lazyPage(() => import('./SourcesPage'), 'SourcesPage'),
  });
  const newSource = createRoute({
    getParentRoute: () => parent,
    path: '/sources/new',
    component: lazyPage(() => import('./SourcePage'), 'NewSourcePage'),
  });
  const source = createRoute({
    getParentRoute: () => parent,
    path: '/sources/$sourceId',
    validateSearch: (raw: Record<string, unknown>): { tab?: SourceTab } => {
      const tab = SOURCE_TABS.find((x) => x === raw.tab);
      return tab && tab !== 'crawls' ? { tab } : {};
    },
    component: SourceRoute,
  });
  const ads = createRoute({
    getParentRoute: () => parent,
    path: '/ads',
    validateSearch: parseAdSearch,
    component: AdsRoute,
  });
  const ad = createRoute({
    getParentRoute: () => parent,
    path: '/ads/$adId',
    validateSearch: (raw: Record<string, unknown>): { version?: number } => {
      const n = Number(raw.version);
      return Number.isInteger(n) && n >= 1 ? { version: n } : {};
    },
    component: AdRoute,
  });
  const rules = createRoute({
    getParentRoute: () => parent,
    path: '/rules',
    component: lazyPage(() => import('../extract/RulesPage'), 'RulesPage'),
  });
  return [sources, newSource, source, ads, ad, rules] as const;
}

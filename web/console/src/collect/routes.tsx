// Routes of sources (/sources, /sources/new, /sources/:id?tab=…), ads (/ads with its filters in the
// URL, /ads/:id?version=N) and extraction rules (/rules). The console's router adds them under its
// root with one line.
import { createRoute, getRouteApi, type AnyRoute } from '@tanstack/react-router';
import { AdPage } from '../ads/AdPage';
import { AdsPage } from '../ads/AdsPage';
import { parseAdSearch } from '../ads/search';
import { RulesPage } from '../extract/RulesPage';
import { SOURCE_TABS, NewSourcePage, SourcePage, type SourceTab } from './SourcePage';
import { SourcesPage } from './SourcesPage';

const sourceApi = getRouteApi('/sources/$sourceId');
const adsApi = getRouteApi('/ads');
const adApi = getRouteApi('/ads/$adId');

function SourceRoute() {
  const { sourceId } = sourceApi.useParams();
  const { tab } = sourceApi.useSearch();
  return <SourcePage key={sourceId} sourceId={sourceId} tab={tab ?? 'crawls'} />;
}

function AdsRoute() {
  return <AdsPage filters={adsApi.useSearch()} />;
}

function AdRoute() {
  const { adId } = adApi.useParams();
  const { version } = adApi.useSearch();
  return <AdPage key={adId} adId={adId} version={version} />;
}

export function collectRoutes<TParent extends AnyRoute>(parent: TParent) {
  const sources = createRoute({
    getParentRoute: () => parent,
    path: '/sources',
    component: SourcesPage,
  });
  const newSource = createRoute({
    getParentRoute: () => parent,
    path: '/sources/new',
    component: NewSourcePage,
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
    component: RulesPage,
  });
  return [sources, newSource, source, ads, ad, rules] as const;
}

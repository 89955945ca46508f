// The tabs of a source's page, named in its address (/sources/:id?tab=…): the route checks the
// address against them without fetching the page's code.
export const SOURCE_TABS = ['crawls', 'health', 'definition', 'robots'] as const;
export type SourceTab = (typeof SOURCE_TABS)[number];

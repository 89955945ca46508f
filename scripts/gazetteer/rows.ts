// Row shapes of the hand-kept gazetteer lists that build.ts turns into the extractor's data file.

export interface RowOptions {
  /** The name is also an everyday word in an ad language: taken only with place context. */
  ambiguous?: boolean;
  /** Id slug when the name's own slug would not do ("Bergen (NH.)" → bergen-nh). */
  id?: string;
}

/** CBS code, official name, the town whose coordinates stand for it, lat, lon, other names. */
export type MunicipalityRow = [
  code: string,
  name: string,
  seat: string,
  lat: number,
  lon: number,
  alt: string[],
  options?: RowOptions,
];

/** Name, its municipality's official name, type, lat, lon, other names. */
export type ResidenceRow = [
  name: string,
  municipality: string,
  type: 'residence' | 'district',
  lat: number,
  lon: number,
  alt: string[],
  options?: RowOptions,
];

/** ISO country, English name (the id comes from it), lat, lon, names in the ad languages. */
export type CityRow = [
  country: string,
  name: string,
  lat: number,
  lon: number,
  alt: string[],
  options?: RowOptions,
];

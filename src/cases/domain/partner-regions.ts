// The twelve Dutch provinces and which province each municipality of the gazetteer lies in (CBS,
// Gebieden in Nederland 2024: 342 municipalities, keyed by the gazetteer's place ids). The directory
// stores the regions a partner serves by province name; a case's place, a residence or a municipality,
// is turned into its province here so "serves your region" needs no map service.

export const PROVINCES = [
  'Groningen',
  'Friesland',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
] as const;
export type Province = (typeof PROVINCES)[number];

// prettier-ignore
const BY_PROVINCE: Record<Province, readonly string[]> = {
  'Groningen': [
    'eemsdelta', 'groningen', 'het-hogeland', 'midden-groningen', 'oldambt', 'pekela',
    'stadskanaal', 'veendam', 'westerkwartier', 'westerwolde',
  ],
  'Friesland': [
    'achtkarspelen', 'ameland', 'dantumadiel', 'de-fryske-marren', 'harlingen', 'heerenveen',
    'leeuwarden', 'noardeast-fryslan', 'ooststellingwerf', 'opsterland', 'schiermonnikoog',
    'smallingerland', 'sudwest-fryslan', 'terschelling', 'tytsjerksteradiel', 'vlieland',
    'waadhoeke', 'weststellingwerf',
  ],
  'Drenthe': [
    'aa-en-hunze', 'assen', 'borger-odoorn', 'coevorden', 'de-wolden', 'emmen', 'hoogeveen',
    'meppel', 'midden-drenthe', 'noordenveld', 'tynaarlo', 'westerveld',
  ],
  'Overijssel': [
    'almelo', 'borne', 'dalfsen', 'deventer', 'dinkelland', 'enschede', 'haaksbergen', 'hardenberg',
    'hellendoorn', 'hengelo', 'hof-van-twente', 'kampen', 'losser', 'oldenzaal', 'olst-wijhe',
    'ommen', 'raalte', 'rijssen-holten', 'staphorst', 'steenwijkerland', 'tubbergen', 'twenterand',
    'wierden', 'zwartewaterland', 'zwolle',
  ],
  'Flevoland': [
    'almere', 'dronten', 'lelystad', 'noordoostpolder', 'urk', 'zeewolde',
  ],
  'Gelderland': [
    'aalten', 'apeldoorn', 'arnhem', 'barneveld', 'berg-en-dal', 'berkelland', 'beuningen',
    'bronckhorst', 'brummen', 'buren', 'culemborg', 'doesburg', 'doetinchem', 'druten', 'duiven',
    'ede', 'elburg', 'epe', 'ermelo', 'harderwijk', 'hattem', 'heerde', 'heumen', 'lingewaard',
    'lochem', 'maasdriel', 'montferland', 'neder-betuwe', 'nijkerk', 'nijmegen', 'nunspeet',
    'oldebroek', 'oost-gelre', 'oude-ijsselstreek', 'overbetuwe', 'putten', 'renkum', 'rheden',
    'rozendaal', 'scherpenzeel', 'tiel', 'voorst', 'wageningen', 'west-betuwe', 'west-maas-en-waal',
    'westervoort', 'wijchen', 'winterswijk', 'zaltbommel', 'zevenaar', 'zutphen',
  ],
  'Utrecht': [
    'amersfoort', 'baarn', 'bunnik', 'bunschoten', 'de-bilt', 'de-ronde-venen', 'eemnes', 'houten',
    'ijsselstein', 'leusden', 'lopik', 'montfoort', 'nieuwegein', 'oudewater', 'renswoude',
    'rhenen', 'soest', 'stichtse-vecht', 'utrecht', 'utrechtse-heuvelrug', 'veenendaal',
    'vijfheerenlanden', 'wijk-bij-duurstede', 'woerden', 'woudenberg', 'zeist',
  ],
  'Noord-Holland': [
    'aalsmeer', 'alkmaar', 'amstelveen', 'amsterdam', 'bergen-nh', 'beverwijk', 'blaricum',
    'bloemendaal', 'castricum', 'den-helder', 'diemen', 'dijk-en-waard', 'drechterland',
    'edam-volendam', 'enkhuizen', 'gooise-meren', 'haarlem', 'haarlemmermeer', 'heemskerk',
    'heemstede', 'heiloo', 'hilversum', 'hollands-kroon', 'hoorn', 'huizen', 'koggenland',
    'landsmeer', 'laren', 'medemblik', 'oostzaan', 'opmeer', 'ouder-amstel', 'purmerend', 'schagen',
    'stede-broec', 'texel', 'uitgeest', 'uithoorn', 'velsen', 'waterland', 'wijdemeren',
    'wormerland', 'zaanstad', 'zandvoort',
  ],
  'Zuid-Holland': [
    'alblasserdam', 'albrandswaard', 'alphen-aan-den-rijn', 'barendrecht', 'bodegraven-reeuwijk',
    'capelle-aan-den-ijssel', 'delft', 'dordrecht', 'goeree-overflakkee', 'gorinchem', 'gouda',
    'hardinxveld-giessendam', 'hendrik-ido-ambacht', 'hillegom', 'hoeksche-waard',
    'kaag-en-braassem', 'katwijk', 'krimpen-aan-den-ijssel', 'krimpenerwaard', 'lansingerland',
    'leiden', 'leiderdorp', 'leidschendam-voorburg', 'lisse', 'maassluis', 'midden-delfland',
    'molenlanden', 'nieuwkoop', 'nissewaard', 'noordwijk', 'oegstgeest', 'papendrecht',
    'pijnacker-nootdorp', 'ridderkerk', 'rijswijk', 'rotterdam', 's-gravenhage', 'schiedam',
    'sliedrecht', 'teylingen', 'vlaardingen', 'voorne-aan-zee', 'voorschoten', 'waddinxveen',
    'wassenaar', 'westland', 'zoetermeer', 'zoeterwoude', 'zuidplas', 'zwijndrecht',
  ],
  'Zeeland': [
    'borsele', 'goes', 'hulst', 'kapelle', 'middelburg', 'noord-beveland', 'reimerswaal',
    'schouwen-duiveland', 'sluis', 'terneuzen', 'tholen', 'veere', 'vlissingen',
  ],
  'Noord-Brabant': [
    'alphen-chaam', 'altena', 'asten', 'baarle-nassau', 'bergeijk', 'bergen-op-zoom', 'bernheze',
    'best', 'bladel', 'boekel', 'boxtel', 'breda', 'cranendonck', 'deurne', 'dongen', 'drimmelen',
    'eersel', 'eindhoven', 'etten-leur', 'geertruidenberg', 'geldrop-mierlo', 'gemert-bakel',
    'gilze-en-rijen', 'goirle', 'halderberge', 'heeze-leende', 'helmond', 'heusden', 'hilvarenbeek',
    'laarbeek', 'land-van-cuijk', 'loon-op-zand', 'maashorst', 'meierijstad', 'moerdijk',
    'nuenen-gerwen-en-nederwetten', 'oirschot', 'oisterwijk', 'oosterhout', 'oss',
    'reusel-de-mierden', 'roosendaal', 'rucphen', 's-hertogenbosch', 'sint-michielsgestel',
    'someren', 'son-en-breugel', 'steenbergen', 'tilburg', 'valkenswaard', 'veldhoven', 'vught',
    'waalre', 'waalwijk', 'woensdrecht', 'zundert',
  ],
  'Limburg': [
    'beek', 'beekdaelen', 'beesel', 'bergen-l', 'brunssum', 'echt-susteren', 'eijsden-margraten',
    'gennep', 'gulpen-wittem', 'heerlen', 'horst-aan-de-maas', 'kerkrade', 'landgraaf', 'leudal',
    'maasgouw', 'maastricht', 'meerssen', 'mook-en-middelaar', 'nederweert', 'peel-en-maas',
    'roerdalen', 'roermond', 'simpelveld', 'sittard-geleen', 'stein', 'vaals',
    'valkenburg-aan-de-geul', 'venlo', 'venray', 'voerendaal', 'weert',
  ],
};

const PROVINCE_OF = new Map<string, Province>(
  PROVINCES.flatMap((p) => BY_PROVINCE[p].map((slug) => [`nl:${slug}`, p] as const)),
);

/** The province of a Dutch municipality's place id ("nl:utrecht" → "Utrecht"); null if unknown. */
export function provinceOfMunicipality(placeId: string): Province | null {
  return PROVINCE_OF.get(placeId) ?? null;
}

/** Every municipality place id with its province, for checks against the gazetteer. */
export function municipalityProvinces(): ReadonlyMap<string, Province> {
  return PROVINCE_OF;
}

export function isProvince(name: string): name is Province {
  return (PROVINCES as readonly string[]).includes(name);
}

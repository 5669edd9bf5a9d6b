const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

// Codes ICU names that are not countries: ISO's exceptionally reserved and user-assigned codes, groupings and
// pseudo-regions. XK (Kosovo) stays: it is user-assigned but used for Kosovo by the EU, banks and stores.
const NOT_COUNTRIES = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'ZZ']);

/** True for an assigned ISO 3166-1 alpha-2 code in its current form (not a deprecated alias like UK or DD). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  // Unknown codes are named as themselves; deprecated ones canonicalise to their successor.
  return regionNames.of(code) !== code && Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
}

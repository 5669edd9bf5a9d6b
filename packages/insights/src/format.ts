import { formatInt, parseDay } from './stats.js';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const dateFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

/** English name of an ISO 3166 alpha-2 country code ('SE' → 'Sweden'), or the code itself when unknown. */
export function countryName(code: string): string {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return code;
  try {
    const name = regionNames.of(upper);
    // Unassigned codes come back as themselves or as 'Unknown Region' depending on the ICU build.
    return name && name !== upper && name !== 'Unknown Region' ? name : code;
  } catch {
    return code;
  }
}

/** Rounded percentage with thousands separators: 240.4 → '240%'. */
export function formatPercent(pct: number): string {
  return `${formatInt(pct)}%`;
}

/** Human date for prose: '2026-11-20' → 'Nov 20, 2026'. */
export function formatDate(day: string): string {
  return dateFormat.format(new Date(parseDay(day)));
}

/** 'playlist' / 'playlists' by count. */
export function plural(n: number, one: string, many: string): string {
  return Math.round(n) === 1 ? one : many;
}

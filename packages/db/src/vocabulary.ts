/**
 * The values stored listens and profiles take, defined once: ingestion writes them, analytics groups by them,
 * the simulator generates them and the API schemas enumerate them.
 */

/** Where a listen was played from (the listen's `context.type`). */
export const CONTEXT_TYPES = [
  'library',
  'own_playlist',
  'playlist',
  'collaborative_playlist',
  'album',
  'artist',
  'search',
  'radio',
  'partner',
  'other',
] as const;

/** The device family a listen was played on. */
export const PLATFORMS = ['ios', 'android', 'web', 'desktop', 'car', 'speaker', 'tv', 'other'] as const;

/** Genders a listener may give in their profile (optional). */
export const GENDERS = ['female', 'male', 'non_binary', 'other', 'prefer_not_to_say'] as const;

/** Age brackets of the audience breakdowns (as Spotify for Artists groups them). */
export const AGE_BRACKETS = ['<18', '18-22', '23-27', '28-34', '35-44', '45-59', '60+', 'unknown'] as const;
export type AgeBracket = (typeof AGE_BRACKETS)[number];

/** A listen counts as a stream from 30 seconds played; shorter plays are skips. */
export const STREAM_THRESHOLD_MS = 30_000;

/** The listener's age bracket in the year of the listen; unknown without a birth year. */
export function ageBracket(birthYear: number | null, at: Date): AgeBracket {
  if (birthYear === null) return 'unknown';
  const age = at.getUTCFullYear() - birthYear;
  if (age < 18) return '<18';
  if (age <= 22) return '18-22';
  if (age <= 27) return '23-27';
  if (age <= 34) return '28-34';
  if (age <= 44) return '35-44';
  if (age <= 59) return '45-59';
  return '60+';
}

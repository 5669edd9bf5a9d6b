/**
 * Copied from apps/listening/src/audience.ts (a package must not import an app): the bulk loader writes
 * listens the way ingestion would, so the rule has to be the same. Keep the two in step.
 */
export const AGE_BRACKETS = ['<18', '18-22', '23-27', '28-34', '35-44', '45-59', '60+', 'unknown'] as const;
export type AgeBracket = (typeof AGE_BRACKETS)[number];

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

/** A listen counts as a stream from 30 seconds played; shorter plays are skips. */
export const STREAM_THRESHOLD_MS = 30_000;

import { randomInt } from 'node:crypto';
import { handleStem } from '@chorus/db';

// For display names with nothing usable in a handle (e.g. only CJK letters).
const FALLBACK_STEM = 'user';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
// Four tries with 4 random characters (1.7 million each), then two with 6: handleStem's at most 25 stay within 32.
const SUFFIX_LENGTHS = [4, 4, 4, 4, 6, 6];

function randomSuffix(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** Handles to try for a display name, in order: its stem ("ada-lovelace"), then the stem with random suffixes. */
export function handleCandidates(displayName: string): string[] {
  const stem = handleStem(displayName);
  const base = stem ?? FALLBACK_STEM;
  return [...(stem ? [stem] : []), ...SUFFIX_LENGTHS.map((length) => `${base}-${randomSuffix(length)}`)];
}

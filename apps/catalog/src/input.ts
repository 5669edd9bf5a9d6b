import type { FieldError } from '@chorus/service-kit';

// Schemas refuse text that is blank once trimmed; services store it trimmed.

/** Trims text; null and undefined pass through. */
export function clean<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' ? value.trim() : value) as T;
}

/** Trims each genre and drops repeats (compared without case), keeping the first spelling. */
export function cleanGenres(genres: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const genre of genres) {
    const g = genre.trim();
    if (seen.has(g.toLowerCase())) continue;
    seen.add(g.toLowerCase());
    out.push(g);
  }
  return out;
}

export function bodyError(pointer: string, detail: string): FieldError {
  return { pointer, detail, in: 'body' };
}

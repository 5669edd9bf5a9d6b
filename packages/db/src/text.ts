/** Folds case and accents so "Björk", "BJORK" and "bjork" compare equal; stored beside names for search and matching. */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

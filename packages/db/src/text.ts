/** Folds case and accents so "Björk", "BJORK" and "bjork" compare equal; stored beside names for search and matching. */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A handle: lower-case letters, digits, `_` and `-`, 2 to 32 characters, starting with a letter or digit. */
export const HANDLE_PATTERN = '^[a-z0-9][a-z0-9_-]{1,31}$';

/** A readable handle stem from a display name ("Ada Lovelace" → "ada-lovelace"), or null when nothing usable is left. */
export function handleStem(displayName: string): string | null {
  let out = '';
  let dash = false;
  // One linear pass: letters and digits are kept, every other run becomes one '-'.
  for (const ch of foldText(displayName)) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      if (dash && out.length > 0) out += '-';
      out += ch;
      dash = false;
    } else dash = true;
    if (out.length >= 24) break;
  }
  return out.length >= 2 ? out : null;
}

import { randomBytes } from 'node:crypto';
import { PERSONAL_TOKEN_PREFIX } from '@chorus/service-kit';

/** How many leading characters of a personal token are kept in clear, so a user can tell tokens apart. */
export const PERSONAL_TOKEN_SHOWN = 16;

/** 32 random bytes, base64url: 256 bits, so a SHA-256 of it is a safe lookup key (no salt or slow hash needed). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newRefreshToken(): string {
  return randomSecret();
}

export function newPersonalToken(): string {
  return `${PERSONAL_TOKEN_PREFIX}${randomSecret()}`;
}

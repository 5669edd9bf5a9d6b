import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from './connection.js';
import { partnersQueries } from './queries/partners.queries.js';

/**
 * The vocabulary of partners and their apps (OAuth clients), and the client credentials: defined once, written by
 * apps/partners, read by the authorization server and the per-app rate limiter.
 */

export const PARTNER_KINDS = ['automotive', 'telecom', 'device', 'app'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_ROLES = ['admin', 'developer', 'analyst'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export const CLIENT_TYPES = ['confidential', 'public'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const GRANT_TYPES = ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT, 'client_credentials'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];
export const DEVICE_CLASSES = ['car', 'speaker', 'tv', 'wearable', 'other'] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];
export const REVIEW_STATES = ['development', 'in_review', 'production', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export type ReviewAction = 'requested' | 'approved' | 'rejected';

/** Partner apps' client ids start with this; first-party tokens carry the client id `chorus` (or none). */
export const CLIENT_ID_PREFIX = 'chorus_';
export const CLIENT_SECRET_PREFIX = 'chorus_secret_';
/** People a development-mode app may serve besides the partner's own members (who are allowed implicitly). */
export const ALLOW_LIST_LIMIT = 25;

/** True for a client id of a registered partner app's shape (not the first-party `chorus`). */
export function isPartnerClientId(clientId: unknown): clientId is string {
  return typeof clientId === 'string' && clientId.startsWith(CLIENT_ID_PREFIX) && clientId.length <= 64;
}

/** A new client id: `chorus_` and 128 random bits, URL-safe. */
export function newClientId(): string {
  return CLIENT_ID_PREFIX + randomBytes(16).toString('base64url');
}

export interface NewClientSecret {
  /** Shown once, never stored. */
  secret: string;
  hash: Buffer;
  /** The first characters, stored to tell secrets apart in lists. */
  hint: string;
}

/** A new client secret: `chorus_secret_` and 256 random bits, with its digest. */
export function newClientSecret(): NewClientSecret {
  const secret = CLIENT_SECRET_PREFIX + randomBytes(32).toString('base64url');
  return { secret, hash: hashClientSecret(secret), hint: secret.slice(0, CLIENT_SECRET_PREFIX.length + 4) };
}

/**
 * SHA-256 of a client secret. A fast hash is enough here, unlike for passwords: the secret is 256 random bits, so
 * a stolen digest cannot be reversed by guessing, and a slow hash would only hand anyone a way to burn CPU at the
 * token endpoint.
 */
export function hashClientSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export interface StoredClientSecret {
  secret_hash: Buffer | null;
  previous_secret_hash: Buffer | null;
  previous_secret_expires_at: Date | null;
}

const MAX_SECRET_LENGTH = 256;

/** True when `presented` is the current secret, or the previous one within its overlap; constant-time in the secret. */
export function clientSecretMatches(stored: StoredClientSecret, presented: string, now: Date = new Date()): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > MAX_SECRET_LENGTH) return false;
  const digest = hashClientSecret(presented);
  // Both digests are always compared, so the time taken does not tell which one (if any) matched.
  const current = stored.secret_hash?.length === digest.length && timingSafeEqual(digest, stored.secret_hash);
  const previousValid = stored.previous_secret_expires_at !== null && stored.previous_secret_expires_at.getTime() > now.getTime();
  const previous = stored.previous_secret_hash?.length === digest.length && timingSafeEqual(digest, stored.previous_secret_hash);
  return current || (previous && previousValid);
}

/** Verifies a confidential client's secret (the authorization server's client authentication); false for unknown or public clients. */
export async function verifyClientSecret(db: Db, clientId: string, presented: string, now: Date = new Date()): Promise<boolean> {
  if (!isPartnerClientId(clientId)) return false;
  const stored = await partnersQueries.clientSecret(db, clientId);
  return stored ? clientSecretMatches(stored, presented, now) : false;
}

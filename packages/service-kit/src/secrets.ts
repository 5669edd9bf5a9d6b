import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { ChorusConfig } from './config.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED_PREFIX = 'v1.aes-256-gcm.';

/** A 32-byte key from hex, base64 or base64url text; undefined when the text is not one. */
export function parseKeyEncryptionKey(raw: string): Buffer | undefined {
  const text = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(text)) return undefined;
  // Node's base64 decoder reads the URL-safe alphabet too.
  const key = Buffer.from(text, 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

/** True for a value `sealSecret` wrote. */
export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

/**
 * Encrypts with AES-256-GCM. `context` (e.g. the key id) is authenticated, so a sealed value copied onto
 * another row does not open there.
 */
export function sealSecret(plain: string, key: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${SEALED_PREFIX}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${body.toString('base64url')}`;
}

/** Decrypts what `sealSecret` wrote; undefined when the key (or the context) is not the one it was sealed with. */
export function openSecret(sealed: string, key: Buffer, context: string): string | undefined {
  const [iv, tag, body] = sealed.slice(SEALED_PREFIX.length).split('.');
  if (!isSealed(sealed) || !iv || !tag || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES })
      .setAAD(Buffer.from(context, 'utf8'))
      .setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

interface LocalSecrets {
  key_encryption_key: string;
}

async function readLocalSecrets(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: Partial<LocalSecrets> | null = null;
  try {
    parsed = JSON.parse(text) as Partial<LocalSecrets> | null;
  } catch {
    // Reported below, with what to do.
  }
  const key = typeof parsed?.key_encryption_key === 'string' ? parseKeyEncryptionKey(parsed.key_encryption_key) : undefined;
  if (!key) throw new Error(`${file} has no valid key_encryption_key; restore it from a backup (the signing keys are encrypted with it)`);
  if (((await fs.stat(file)).mode & 0o077) !== 0) await fs.chmod(file, 0o600);
  return key;
}

/**
 * The embedded default's secrets: the key-encryption key is generated on first start and kept in
 * `${dataDir}/secrets.json` (0600). A configured key, or the production topology, leaves the config as it is.
 */
export async function withLocalSecrets(config: ChorusConfig): Promise<ChorusConfig> {
  if (config.databaseUrl || config.auth.keyEncryptionKey) return config;
  const file = join(config.dataDir, 'secrets.json');
  let key = await readLocalSecrets(file);
  if (!key) {
    await fs.mkdir(config.dataDir, { recursive: true });
    const fresh: LocalSecrets = { key_encryption_key: randomBytes(KEY_BYTES).toString('base64') };
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(tmp, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600 });
    // link() publishes the complete file or fails if one exists: of two processes starting at once, both end up with the same key.
    try {
      await fs.link(tmp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await fs.rm(tmp, { force: true });
    }
    key = await readLocalSecrets(file);
    if (!key) throw new Error(`${file} could not be created`);
  }
  return { ...config, auth: { ...config.auth, keyEncryptionKey: key } };
}

/**
 * A webhook endpoint's signing secret as stored: sealed with the key-encryption key, bound to its endpoint (the
 * secret has to be read back to sign, so it cannot be hashed). Without a key (never in production: loadConfig
 * refuses) it is kept as it is.
 */
export function sealWebhookSecret(secret: string, key: Buffer | undefined, endpointId: string): string {
  return key ? sealSecret(secret, key, `webhook:${endpointId}`) : secret;
}

/** The secret `sealWebhookSecret` stored; a value written before encryption reads as it is. */
export function openWebhookSecret(stored: string, key: Buffer | undefined, endpointId: string): string {
  if (!isSealed(stored)) return stored;
  const plain = key ? openSecret(stored, key, `webhook:${endpointId}`) : undefined;
  if (plain === undefined) throw new Error(`the signing secret of webhook ${endpointId} does not open with the configured CHORUS_KEY_ENCRYPTION_KEY`);
  return plain;
}

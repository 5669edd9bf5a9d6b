import { sql } from 'kysely';
import type { Db } from '../connection.js';

/**
 * Signing keys are shared through the database, so every service verifies what identity signs. A retired key
 * still verifies (and is published) for an overlap, the access-token lifetime, so tokens it signed run out first.
 */
export const keysQueries = {
  /** The signer: the newest key not retired. */
  activeSigningKey: (db: Db) =>
    db
      .selectFrom('signing_keys')
      .select(['kid', 'private_pem'])
      .where('retired_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('kid', 'desc')
      .limit(1)
      .executeTakeFirst(),

  /** The keys that may still verify a token: active ones, and retired ones within the overlap. */
  publishedKeys: (db: Db, overlapSeconds: number) =>
    db
      .selectFrom('signing_keys')
      .select(['kid', 'public_jwk'])
      .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', sql<Date>`now() - make_interval(secs => ${overlapSeconds})`)]))
      .orderBy('created_at', 'desc')
      .execute(),

  publicKey: (db: Db, kid: string) =>
    db.selectFrom('signing_keys').select(['kid', 'alg', 'public_jwk', 'retired_at']).where('kid', '=', kid).executeTakeFirst(),

  insertSigningKey: (db: Db, row: { kid: string; alg: string; public_jwk: string; private_pem: string }) =>
    db
      .insertInto('signing_keys')
      .values(row)
      .onConflict((oc) => oc.column('kid').doNothing())
      .execute(),

  /** The newest encrypted private key, to check the key-encryption key against before writing with it. */
  newestSealedKey: (db: Db) =>
    db
      .selectFrom('signing_keys')
      .select(['kid', 'private_pem'])
      .where('private_pem', 'not like', '-----BEGIN%')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),

  /** Rows whose private key is still a PEM in clear (written before keys were encrypted). */
  plaintextKeys: (db: Db) => db.selectFrom('signing_keys').select(['kid', 'private_pem']).where('private_pem', 'like', '-----BEGIN%').execute(),

  /** Replaces a key's stored private part, only if it is still what the caller read (two instances may race). */
  replacePrivatePem: (db: Db, kid: string, from: string, to: string) =>
    db.updateTable('signing_keys').set({ private_pem: to }).where('kid', '=', kid).where('private_pem', '=', from).execute(),

  /** Serialises rotations: two at once would each retire all but their own new key, leaving two signers. */
  lockForRotation: (db: Db) => sql`LOCK TABLE signing_keys IN SHARE ROW EXCLUSIVE MODE`.execute(db),

  /** Retires every active key but one; answers what it retired. */
  retireAllBut: (db: Db, kid: string) =>
    db
      .updateTable('signing_keys')
      .set({ retired_at: sql<Date>`now()` })
      .where('retired_at', 'is', null)
      .where('kid', '<>', kid)
      .returning(['kid', 'retired_at'])
      .execute(),
};

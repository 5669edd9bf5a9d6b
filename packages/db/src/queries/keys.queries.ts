import type { Db } from '../connection.js';

/** Signing keys are shared through the database, so every service verifies what identity signs. */
export const keysQueries = {
  activeSigningKey: (db: Db) =>
    db
      .selectFrom('signing_keys')
      .selectAll()
      .where('retired_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),

  publicKeys: (db: Db) =>
    db.selectFrom('signing_keys').select(['kid', 'alg', 'public_jwk', 'retired_at']).orderBy('created_at', 'desc').execute(),

  publicKey: (db: Db, kid: string) =>
    db.selectFrom('signing_keys').select(['kid', 'alg', 'public_jwk']).where('kid', '=', kid).executeTakeFirst(),

  insertSigningKey: (db: Db, row: { kid: string; alg: string; public_jwk: string; private_pem: string }) =>
    db.insertInto('signing_keys').values(row).onConflict((oc) => oc.column('kid').doNothing()).execute(),
};

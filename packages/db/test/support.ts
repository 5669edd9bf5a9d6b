import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDb, type Db, uuidv7 } from '../src/index.js';

export const url = process.env.CHORUS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A new empty schema with two pools on it, dropped when the test ends. */
export async function freshSchema(t: { teardown(fn: () => unknown): void }) {
  // Named like every other test schema (t_<base-36 birth time>_<random>), so the stale-schema sweep reads its age right.
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = createDb({ url, maxConnections: 1 });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
  const dbs = [createDb({ url, schema, maxConnections: 4 }), createDb({ url, schema, maxConnections: 4 })] as const;
  t.teardown(async () => {
    for (const db of dbs) await db.destroy();
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin);
    await admin.destroy();
  });
  return { schema, dbs };
}

/** A listener with only what the users table requires; returns the ids. */
export async function addUsers(db: Db, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => uuidv7());
  await db
    .insertInto('users')
    .values(
      ids.map((id) => ({ id, email: `${id}@example.test`, password_hash: '!', display_name: 'L', country: 'SE', birth_year: null, gender: null, roles: [] })),
    )
    .execute();
  return ids;
}

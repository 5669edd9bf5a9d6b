import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import t from 'tap';
import { createDb, migrateToLatest } from '../src/index.js';
import { url } from './support.js';

// Kysely's Migrator finds its bookkeeping tables by reading every schema's tables; tests (and anything sharing a
// database) drop schemas all the time, and a schema dropped during that read used to fail the migration.
t.test('migrations succeed while other schemas are created and dropped around them', async (t) => {
  const admin = createDb({ url, maxConnections: 2 });
  t.teardown(() => admin.destroy());
  let churning = true;
  let churned = 0;
  const churn = (async () => {
    while (churning) {
      const other = `t_churn_${randomBytes(4).toString('hex')}`;
      await sql`CREATE SCHEMA ${sql.id(other)}`.execute(admin);
      for (let i = 0; i < 20; i++) await sql`CREATE TABLE ${sql.id(other, `t${i}`)} (id int primary key, v text)`.execute(admin);
      await sql`DROP SCHEMA ${sql.id(other)} CASCADE`.execute(admin);
      churned++;
    }
  })();
  const migrated: string[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
      await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
      const db = createDb({ url, schema, maxConnections: 2 });
      try {
        migrated.push(...(await migrateToLatest(db, schema)).slice(0, 1));
      } finally {
        await db.destroy();
        await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin);
      }
    }
  } finally {
    churning = false;
    await churn;
  }
  t.equal(migrated.length, 6, `6 schemas migrated while ${churned} others came and went`);
});

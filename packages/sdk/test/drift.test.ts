import { readFile } from 'node:fs/promises';
import t from 'tap';
import { generateSchemaTypes } from './generate.js';

t.test('the committed SDK types are what the committed OpenAPI document generates', async (t) => {
  const [document, committed] = await Promise.all([
    readFile(new URL('../../../openapi/chorus.openapi.json', import.meta.url), 'utf8'),
    readFile(new URL('../src/schema.ts', import.meta.url), 'utf8'),
  ]);
  t.ok((await generateSchemaTypes(document)) === committed, 'packages/sdk/src/schema.ts is up to date (run `npm run openapi` and commit it)');
});

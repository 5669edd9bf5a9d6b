import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateSchemaTypes } from '../test/generate.js';

// `npm run generate -w @chorus/sdk` (run by the root `npm run openapi`): types from the committed document.
const document = fileURLToPath(new URL('../../../openapi/chorus.openapi.json', import.meta.url));
const target = fileURLToPath(new URL('../src/schema.ts', import.meta.url));
await writeFile(target, await generateSchemaTypes(await readFile(document, 'utf8')));
console.log(`wrote ${target}`);

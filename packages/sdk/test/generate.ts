import openapiTS, { astToString } from 'openapi-typescript';

/** The SDK's types for an OpenAPI document, exactly as committed in src/schema.ts. */
export async function generateSchemaTypes(documentText: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(documentText), { alphabetize: true, defaultNonNullable: false, exportType: true });
  return `/**\n * Generated from openapi/chorus.openapi.json by \`npm run openapi\`: do not edit.\n */\n\n${astToString(ast)}`;
}

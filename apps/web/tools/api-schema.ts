/**
 * Generates the console's API types (`src/api/schema.d.ts`) from the committed OpenAPI document
 * (`apps/server/openapi.json`) with openapi-typescript. One function renders, so the write script and the drift test
 * produce exactly the same text.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/** apps/web (this file compiles to apps/web/dist/node/tools/api-schema.js). */
export const WEB_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const OPENAPI_FILE = fileURLToPath(new URL('../server/openapi.json', `file://${WEB_ROOT}`));
export const SCHEMA_FILE = fileURLToPath(new URL('src/api/schema.d.ts', `file://${WEB_ROOT}`));

const HEADER =
  '// Generated from apps/server/openapi.json by apps/web/tools/write-api-schema.ts (npm run api:generate -w apps/web).\n' +
  '// Do not edit: a test fails when regenerating changes this file.\n\n';

/** The TypeScript declarations for the OpenAPI document, as committed. */
export async function renderApiSchema(): Promise<string> {
  const document = JSON.parse(await readFile(OPENAPI_FILE, 'utf8')) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document, { alphabetize: false });
  return HEADER + astToString(ast);
}

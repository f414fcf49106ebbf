import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { renderApiSchema, SCHEMA_FILE } from './api-schema.js';

describe('generated API client types', () => {
  it('match the committed OpenAPI document (run `npm run api:generate -w apps/web` after changing the API)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    const fresh = await renderApiSchema();
    assert.ok(committed === fresh, 'apps/web/src/api/schema.d.ts is stale: regenerate it and commit the result');
  });
});

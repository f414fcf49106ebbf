import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generateOpenApiDocument, OPENAPI_FILE } from './openapi-document.js';

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
}

test('the committed openapi.json is what the route table generates (run `npm run openapi` after changing a route)', async () => {
  const generated = await generateOpenApiDocument();
  const committed = readFileSync(OPENAPI_FILE, 'utf8');
  assert.ok(generated === committed, 'apps/server/openapi.json is stale: run `npm run openapi` and commit the result');
});

test('the document is OpenAPI 3.1 with every route, its security and the shared error body', async () => {
  const doc = JSON.parse(await generateOpenApiDocument()) as OpenApi;
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['apiKey', 'buyerLink', 'session']);
  assert.ok(doc.components.schemas.Error && doc.components.schemas.Claim);
  const claims = doc.paths['/api/v1/claims/{id}']?.get;
  assert.ok(claims, 'path parameters in OpenAPI form');
  assert.deepEqual(claims.security, [{ session: [] }, { apiKey: [] }]);
  assert.ok(claims.responses['200'] && claims.responses['4XX']);
  assert.equal(doc.paths['/api/v1/auth/sign-in']?.post?.security, undefined);
  assert.equal(doc.paths['/healthz'], undefined, 'operational endpoints stay out of the API document');
});

test('the document lists an `*Input` schema only where a request accepts something other than the response', async () => {
  const text = await generateOpenApiDocument();
  const doc = JSON.parse(text) as OpenApi;
  const refs = new Set([...text.matchAll(/"\$ref": "#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!));
  const names = Object.keys(doc.components.schemas);
  assert.deepEqual(
    [...refs].filter((r) => !names.includes(r)),
    [],
    'every $ref resolves',
  );
  const twins = names.filter((n) => n.endsWith('Input') && names.includes(n.slice(0, -'Input'.length)));
  for (const twin of twins) {
    assert.ok(refs.has(twin), `${twin} is referenced`);
    assert.notDeepEqual(doc.components.schemas[twin], doc.components.schemas[twin.slice(0, -'Input'.length)], twin);
  }
  assert.ok(twins.length <= 3, `few input twins left: ${twins.join(', ')}`);
  assert.ok(!names.includes('WorkspacePolicyInput'), 'a strict schema reads and writes alike: one component');
});

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../testing/databases.js';
import { createHttpLogger } from './logger.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from './test-app.js';

/** A pino destination that keeps every line. */
function memoryLog(): { stream: Writable; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

for (const dialect of TEST_DIALECTS) {
  describe(`operational endpoints and logs on ${dialect}`, () => {
    let h: TestApp;
    const log = memoryLog();
    before(async () => {
      h = await createTestApp(dialect, {}, createHttpLogger({ level: 'info', destination: log.stream }));
    });
    after(() => h.dispose());

    it('answers /healthz, /readyz, the placeholder home page, Swagger UI and the OpenAPI document', async () => {
      assert.deepEqual((await h.app.inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' });
      assert.deepEqual((await h.app.inject({ method: 'GET', url: '/readyz' })).json(), { status: 'ready' });
      const home = await h.app.inject({ method: 'GET', url: '/' });
      assert.match(String(home.headers['content-type']), /^text\/html/);
      assert.match(home.body, /href="\/api\/docs"/);
      assert.match(home.body, /控制台/);
      const docs = await h.app.inject({ method: 'GET', url: '/api/docs/' });
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /swagger/i);
      const asset = await h.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui-bundle.js' });
      assert.equal(asset.statusCode, 200, 'Swagger UI assets come from the npm package, not the network');
      const doc = await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      assert.equal(doc.json<{ openapi: string }>().openapi, '3.1.0');
      const api = await h.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: h.as.agent });
      assert.equal(api.headers['cache-control'], 'no-store');
      assert.equal(api.headers['x-content-type-options'], 'nosniff');
    });

    it('counts request durations by route pattern and status, and jobs by status, on /metrics', async () => {
      await h.app.inject({ method: 'GET', url: '/api/v1/claims/some-id', headers: h.as.agent });
      await h.app.inject({ method: 'GET', url: '/api/v1/claims/other-id', headers: h.as.agent });
      const metrics = (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
      assert.match(
        metrics,
        /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/claims\/:id",status_code="404"\} 2/,
      );
      assert.doesNotMatch(metrics, /some-id/, 'ids never become label values');
      assert.match(metrics, /proofdesk_jobs\{status="dead"\} 0/);
    });

    it('logs requests with their id and never a password, session token or buyer contact', async () => {
      const signIn = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'x-request-id': 'log-test-1' },
        payload: { email: 'agent@example.com', password: TEST_PASSWORD },
      });
      const token = signIn.cookies.find((c) => c.name === 'pd_session')?.value ?? '';
      assert.ok(token);
      await h.app.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: h.as.agent,
        payload: {
          platform: 'jd',
          platformOrderId: 'JD-LOG-1',
          amountFen: 100,
          buyer: { accountId: 'jd-1', contact: { name: '王小明', phone: '13700137000', address: '儋州市那大镇' } },
        },
      });
      const order = await h.app.inject({ method: 'GET', url: '/api/v1/orders?limit=1', headers: h.as.agent });
      const orderId = order.json<{ items: { id: string }[] }>().items[0]?.id ?? '';
      const claim = await h.services.claims.createClaim(h.actors.agent, {
        orderId,
        type: 'repair',
        reason: '指纹识别失灵',
        amountFen: 100,
      });
      const link = await h.services.auth.issueBuyerLink(h.actors.agent, claim.id);
      const viaLink = await h.app.inject({
        method: 'GET',
        url: `/api/v1/buyer/claim?token=${encodeURIComponent(link.token)}`,
      });
      assert.equal(viaLink.statusCode, 200);
      const text = log.text();
      assert.match(text, /"requestId":"log-test-1"/);
      assert.match(text, /token=\[redacted\]/);
      assert.ok(!text.includes(link.token.split('.')[2] ?? link.token), 'the buyer link token is not logged');
      for (const secret of [TEST_PASSWORD, token, '王小明', '13700137000', '那大镇', h.as.agent.cookie ?? ''])
        assert.ok(!text.includes(secret), `the log holds ${secret}`);
    });
  });
}

describe('unexpected failures', () => {
  it('answer a generic 500 naming the request id, log the cause, and /readyz 503 when the database is gone', async () => {
    const log = memoryLog();
    const h = await createTestApp('sqlite', {}, createHttpLogger({ level: 'info', destination: log.stream }));
    try {
      await h.t.db.close();
      const res = await h.app.inject({
        method: 'GET',
        url: '/api/v1/workspace',
        headers: { ...h.as.agent, 'x-request-id': 'boom-1' },
      });
      assert.equal(res.statusCode, 500);
      const { error } = res.json<{ error: { code: string; message: { en: string }; requestId: string } }>();
      assert.equal(error.code, 'internal');
      assert.equal(error.requestId, 'boom-1');
      assert.match(error.message.en, /boom-1/);
      assert.doesNotMatch(res.body, /sqlite|database|stack/i, 'no internals in the answer');
      assert.match(log.text(), /"requestId":"boom-1".*"causes":\[/);
      assert.equal((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode, 503);
    } finally {
      await h.dispose().catch(() => undefined);
    }
  });
});

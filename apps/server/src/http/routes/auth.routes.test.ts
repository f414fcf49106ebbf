import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../../testing/databases.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`auth routes on ${dialect}`, () => {
    let h: TestApp;
    before(async () => {
      h = await createTestApp(dialect, { signInPerMinute: 20 });
    });
    after(() => h.dispose());

    it('signs in with a cookie that is HttpOnly and SameSite=Lax, then /auth/me answers the same CSRF token', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'agent@example.com', password: TEST_PASSWORD },
      });
      assert.equal(res.statusCode, 200, res.body);
      const cookie = res.cookies.find((c) => c.name === 'pd_session');
      assert.ok(cookie, 'session cookie set');
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.path, '/');
      assert.notEqual(cookie.secure, true, 'plain HTTP without secureCookies: not Secure');
      const body = res.json<{ csrfToken: string; user: { email: string; roles: string[] } }>();
      assert.deepEqual(body.user.roles, ['agent']);
      assert.equal('password_hash' in body.user, false);
      const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { pd_session: cookie.value } });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json<{ csrfToken: string }>().csrfToken, body.csrfToken);

      const refused = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        cookies: { pd_session: cookie.value },
      });
      assert.equal(refused.statusCode, 403, 'unsafe method with a cookie and no CSRF header');
      assert.equal(refused.json<{ error: { details: { reason: string } } }>().error.details.reason, 'csrf');
      const wrong = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        cookies: { pd_session: cookie.value },
        headers: { 'x-csrf-token': 'not-the-token' },
      });
      assert.equal(wrong.statusCode, 403);
      const out = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        cookies: { pd_session: cookie.value },
        headers: { 'x-csrf-token': body.csrfToken },
      });
      assert.equal(out.statusCode, 200);
      assert.equal(out.cookies.find((c) => c.name === 'pd_session')?.value, '');
      const gone = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { pd_session: cookie.value } });
      assert.equal(gone.statusCode, 401);
    });

    it('signs in even with a stale session cookie still in the browser', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        cookies: { pd_session: 'expired-or-made-up' },
        payload: { email: 'reviewer@example.com', password: TEST_PASSWORD },
      });
      assert.equal(res.statusCode, 200, res.body);
    });

    it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
      const secure = await createTestApp(dialect, { trustProxy: true });
      try {
        const res = await secure.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          headers: { 'x-forwarded-proto': 'https' },
          payload: { email: 'admin@example.com', password: TEST_PASSWORD },
        });
        assert.equal(res.statusCode, 200);
        assert.equal(res.cookies.find((c) => c.name === 'pd_session')?.secure, true);
      } finally {
        await secure.dispose();
      }
    });

    it('answers a wrong password 401 in the error shape with a request id, and echoes a given x-request-id', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'x-request-id': 'trace-123' },
        payload: { email: 'agent@example.com', password: 'wrong-password' },
      });
      assert.equal(res.statusCode, 401);
      assert.equal(res.headers['x-request-id'], 'trace-123');
      const { error } = res.json<{ error: { code: string; message: { zh: string; en: string }; requestId: string } }>();
      assert.equal(error.code, 'unauthenticated');
      assert.ok(error.message.zh && error.message.en);
      assert.equal(error.requestId, 'trace-123');
      const generated = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
      assert.match(String(generated.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    });

    it('answers malformed JSON 400, a schema violation 422 naming the field, and an oversized body 413', async () => {
      const malformed = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        payload: '{"email": "a@b.c", ',
      });
      assert.equal(malformed.statusCode, 400);
      const m = malformed.json<{ error: { code: string; message: { zh: string; en: string } } }>().error;
      assert.equal(m.code, 'malformed_request');
      assert.match(m.message.en, /not valid JSON/);
      const invalid = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'a@b.c' },
      });
      assert.equal(invalid.statusCode, 422);
      const fields = invalid.json<{ error: { details: { fields: { field: string }[] } } }>().error.details.fields;
      assert.deepEqual(
        fields.map((f) => f.field),
        ['body.password'],
      );
      const huge = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) },
      });
      assert.equal(huge.statusCode, 413);
      assert.equal(huge.json<{ error: { code: string } }>().error.code, 'payload_too_large');
    });

    it('limits sign-in attempts per IP and answers 429 rate_limited', async () => {
      const limited = await createTestApp(dialect, { signInPerMinute: 3 });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await limited.app.inject({
            method: 'POST',
            url: '/api/v1/auth/sign-in',
            payload: { email: 'agent@example.com', password: `guess-${i}` },
          });
          statuses.push(res.statusCode);
          if (res.statusCode === 429) {
            assert.equal(res.json<{ error: { code: string } }>().error.code, 'rate_limited');
            assert.ok(res.headers['retry-after']);
          }
        }
        assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
      } finally {
        await limited.dispose();
      }
    });

    it('limits every principal globally as well', async () => {
      const limited = await createTestApp(dialect, { rateLimitPerMinute: 4 });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++)
          statuses.push(
            (await limited.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: limited.as.agent }))
              .statusCode,
          );
        assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
        const other = await limited.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: limited.as.admin });
        assert.equal(other.statusCode, 200, 'another principal has its own bucket');
      } finally {
        await limited.dispose();
      }
    });
  });
}

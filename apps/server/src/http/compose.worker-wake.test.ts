/**
 * The composed server wakes its in-process worker when a request enqueues a job: with a poll interval of two
 * minutes, a photo uploaded over HTTP is analysed within seconds, on both dialects.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_LIMITS } from '@proofdesk/forensics';
import { ScryptPasswordHasher } from '../adapters/crypto/scrypt.password-hasher.js';
import { createForensicPorts, type ClosableForensicPorts } from '../adapters/media/forensic-ports.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.js';
import { composeServer, type Composition } from './compose.js';
import { SESSION_COOKIE } from './principal.js';
import { multipartFile, testJpeg } from './test-app.js';

const POLL_MS = 120_000;
/** Far below the poll interval, far above an analysis of a small photo on a busy 2-core machine. */
const PROMPT_MS = 30_000;

for (const dialect of TEST_DIALECTS) {
  describe(`the in-process worker on ${dialect}`, () => {
    let t: TestDatabase;
    let dir: string;
    let forensic: ClosableForensicPorts;
    let server: Composition;
    before(async () => {
      t = await createTestDatabase(dialect);
      dir = mkdtempSync(join(tmpdir(), 'proofdesk-wake-'));
      forensic = createForensicPorts(DEFAULT_LIMITS);
      server = await composeServer({
        database: t.spec,
        blobDir: join(dir, 'blobs'),
        keys: { contactKeys: { currentKeyId: 'k1', keys: { k1: randomBytes(32) } }, hmacKey: randomBytes(32) },
        forensic,
        hasher: new ScryptPasswordHasher({ N: 1024, r: 8, p: 1 }),
        workerPollIntervalMs: POLL_MS,
        poolSize: 2,
      });
    });
    after(async () => {
      await server.close();
      await forensic.close();
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('analyses an uploaded photo promptly although the worker polls every two minutes', async () => {
      const { services, app, worker } = server;
      assert.ok(worker);
      const workspace = await services.workspaces.createWorkspace({ slug: 'wake', name: '唤醒测试店' });
      await services.users.createUser(
        { kind: 'system', component: 'test', workspaceId: workspace.id },
        { email: 'agent@wake.example', displayName: '客服', password: 'wake-password-1', roles: ['agent'] },
      );
      const session = await services.auth.signIn('agent@wake.example', 'wake-password-1');
      const agent = session.actor;
      const order = await services.orders.createOrder(agent, {
        platform: 'jd',
        platformOrderId: 'JD-W1',
        amountFen: 500,
      });
      const claim = await services.claims.createClaim(agent, {
        orderId: order.id,
        type: 'refund_only',
        reason: '外壳破损',
        amountFen: 500,
      });
      worker.start();
      await sleep(200); // the first poll finds nothing: the worker is asleep for two minutes
      const form = multipartFile('crack.jpg', await testJpeg(200, 40, 40));
      const startedMs = Date.now();
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/claims/${claim.id}/evidence`,
        headers: { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken, ...form.headers },
        payload: form.payload,
      });
      assert.equal(res.statusCode, 201, res.body);
      const evidenceId = res.json<{ id: string }>().id;
      let status = 'pending';
      while (status === 'pending' && Date.now() - startedMs < PROMPT_MS) {
        await sleep(50);
        status = (await services.evidence.getEvidence(agent, claim.id, evidenceId)).status;
      }
      const tookMs = Date.now() - startedMs;
      assert.equal(status, 'analysed', `still ${status} after ${tookMs} ms`);
      assert.notEqual((await services.claims.getClaim(agent, claim.id)).status, 'analysing');
    });
  });
}

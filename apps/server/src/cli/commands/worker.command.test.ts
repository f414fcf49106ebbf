/**
 * `proofdesk worker` end to end: a claim with a real photo is filed in this process, and the built CLI, started as
 * a separate worker process on the same database, blob folder and keys, analyses it and stops cleanly on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '@proofdesk/domain';
import { DEFAULT_LIMITS } from '@proofdesk/forensics';
import { FsBlobStore } from '../../adapters/blob/fs.blob-store.js';
import { AesGcmContactCipher } from '../../adapters/crypto/aes-gcm.contact-cipher.js';
import { HmacPseudonymiser } from '../../adapters/crypto/hmac.pseudonymiser.js';
import { formatContactKeys } from '../../adapters/crypto/keyring-config.js';
import { createForensicPorts } from '../../adapters/media/forensic-ports.js';
import { systemClock } from '../../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../../adapters/system/uuid7.id-generator.js';
import { createServices, silentLogger } from '../../services/index.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../testing/databases.js';
import { fixtureBytes } from '../../testing/forgeries.js';
import { REPO_ROOT } from '../../testing/paths.js';
import { dataPaths } from '../data-paths.js';

const CLI = join(REPO_ROOT, 'apps', 'server', 'bin', 'proofdesk.js');

interface Run {
  readonly child: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  readonly exit: Promise<number | null>;
}

function start(args: readonly string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, CI: 'true', ...env },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const exit = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve(status));
  });
  return { child, output, exit };
}

const agent: Actor = { kind: 'user', userId: 'agent1', workspaceId: 'ws1', roles: ['agent'] };

for (const dialect of TEST_DIALECTS) {
  describe(`proofdesk worker on ${dialect} (built CLI)`, () => {
    let t: TestDatabase;
    const dataDir = mkdtempSync(join(tmpdir(), 'proofdesk-worker-'));
    const keys = { contactKeys: { currentKeyId: 'k1', keys: { k1: randomBytes(32) } }, hmacKey: randomBytes(32) };
    const env = {
      PROOFDESK_CONTACT_KEYS: formatContactKeys(keys.contactKeys),
      PROOFDESK_HMAC_KEY: keys.hmacKey.toString('base64'),
    };
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(async () => {
      await t.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('analyses an uploaded photo in a separate process and stops cleanly on SIGTERM', async () => {
      const forensic = createForensicPorts(DEFAULT_LIMITS);
      let claimId: string;
      try {
        const services = createServices({
          db: t.db,
          blobs: new FsBlobStore(dataPaths(dataDir).blobs),
          cipher: new AesGcmContactCipher(keys.contactKeys),
          pseudonymiser: new HmacPseudonymiser(keys.hmacKey),
          clock: systemClock,
          ids: new Uuid7IdGenerator(),
          forensic,
          logger: silentLogger,
        });
        await t.db.kysely
          .insertInto('workspaces')
          .values({
            id: 'ws1',
            slug: 'ws1',
            name: '智能锁旗舰店',
            policy_json: '{}',
            created_at: new Date().toISOString(),
          })
          .execute();
        const order = await services.orders.createOrder(agent, {
          platform: 'taobao',
          platformOrderId: 'TB-9001',
          amountFen: 12_900,
          buyer: { accountId: 'tb_buyer_01', contact: { phone: '+86 138-0013-8000' } },
        });
        const claim = await services.claims.createClaim(agent, {
          orderId: order.id,
          type: 'refund_only',
          reason: '门锁面板有裂痕',
          amountFen: 12_900,
        });
        claimId = claim.id;
        const photo = fixtureBytes('listing/cap-red-front.jpg');
        await services.evidence.addEvidence(
          { kind: 'buyer', claimId, workspaceId: 'ws1' },
          claimId,
          { filename: 'damage.jpg', source: [photo], maxBytes: 20 * 1024 * 1024 },
          'buyer',
        );
      } finally {
        await forensic.close();
      }

      const run = start(['worker', '--database', t.spec, '--data', dataDir, '--concurrency', '2'], env);
      try {
        const startedMs = Date.now();
        for (;;) {
          const evidence = await t.db.kysely
            .selectFrom('evidence')
            .select('status')
            .where('claim_id', '=', claimId)
            .executeTakeFirstOrThrow();
          const open = await t.db.kysely
            .selectFrom('jobs')
            .select('id')
            .where('status', 'in', ['queued', 'running'])
            .where('kind', '=', 'analyse_evidence')
            .execute();
          if (evidence.status === 'analysed' && open.length === 0) break;
          assert.ok(
            Date.now() - startedMs < 90_000,
            `not analysed after 90 s; worker said:\n${run.output.stdout}\n${run.output.stderr}`,
          );
          await sleep(100);
        }
      } finally {
        run.child.kill('SIGTERM');
      }
      assert.equal(await run.exit, 0, run.output.stderr);
      const lines = run.output.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { msg: string; kind?: string });
      const messages = lines.map((l) => l.msg);
      assert.ok(messages.includes('job worker started'), messages.join(' | '));
      assert.ok(
        lines.some((l) => l.msg === 'job done' && l.kind === 'analyse_evidence'),
        messages.join(' | '),
      );
      assert.equal(messages.at(-1), 'job worker stopped');
      assert.ok(!run.output.stdout.includes('13800138000'), 'no contact data in the logs');
      const claim = await t.db.kysely
        .selectFrom('claims')
        .select('status')
        .where('id', '=', claimId)
        .executeTakeFirstOrThrow();
      assert.equal(claim.status, 'awaiting_merchant');
      const scheduled = await t.db.kysely
        .selectFrom('jobs')
        .select(['kind', 'status'])
        .where('status', '=', 'queued')
        .execute();
      assert.deepEqual(
        scheduled,
        [{ kind: 'expire_merchant_window', status: 'queued' }],
        'the window expiry waits 48 h',
      );
      const dead = await t.db.kysely.selectFrom('jobs').select('id').where('status', '=', 'dead').execute();
      assert.deepEqual(dead, []);
    });
  });
}

describe('proofdesk worker usage', () => {
  it('exits 2 for a bad --concurrency or --kinds, and on PostgreSQL without the API keys', async () => {
    for (const args of [
      ['worker', '--concurrency', '0'],
      ['worker', '--kinds', 'analyse_evidence,mine_bitcoin'],
      ['worker', 'extra'],
    ]) {
      const run = start(args);
      assert.equal(await run.exit, 2, args.join(' '));
      assert.match(run.output.stderr, /proofdesk worker \[--database/);
    }
    const dir = mkdtempSync(join(tmpdir(), 'proofdesk-worker-nokeys-'));
    try {
      const run = start(['worker', '--database', 'postgres://127.0.0.1:1/none', '--data', dir], {
        PROOFDESK_CONTACT_KEYS: '',
        PROOFDESK_HMAC_KEY: '',
      });
      assert.equal(await run.exit, 2);
      assert.match(run.output.stderr, /PROOFDESK_CONTACT_KEYS and PROOFDESK_HMAC_KEY/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

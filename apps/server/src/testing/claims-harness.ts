import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, WorkspacePolicy } from '@proofdesk/domain';
import { DEFAULT_LIMITS } from '@proofdesk/forensics';
import { FsBlobStore } from '../adapters/blob/fs.blob-store.js';
import { AesGcmContactCipher } from '../adapters/crypto/aes-gcm.contact-cipher.js';
import { HmacPseudonymiser } from '../adapters/crypto/hmac.pseudonymiser.js';
import type { Dialect } from '../adapters/db/database.js';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { DbJobQueue } from '../adapters/queue/db.job-queue.js';
import { ManualClock } from '../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { JobWorker } from '../jobs/job-worker.js';
import { createServices, silentLogger, type Services } from '../services/index.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** The two workspaces every claims test has, and who acts in them. */
export interface ClaimsHarness {
  readonly t: TestDatabase;
  readonly clock: ManualClock;
  readonly services: Services;
  readonly blobRoot: string;
  readonly agent: Actor;
  readonly reviewer: Actor;
  readonly admin: Actor;
  /** An admin of the other workspace. */
  readonly outsider: Actor;
  /** A buyer acting through the link of one claim. */
  buyer(claimId: string): Actor;
  /** Runs every due job with the real worker and queue (`workers` of them at once); returns how many ran. */
  runJobs(workers?: number): Promise<number>;
  dispose(): Promise<void>;
}

/**
 * Real database (SQLite file or PostgreSQL schema), real blob store, real cipher and pseudonymiser with random keys,
 * real forensic ports, the real job worker; only the clock and ids are under the test's control.
 */
export async function createClaimsHarness(
  dialect: Dialect,
  policy: Partial<WorkspacePolicy> = {},
): Promise<ClaimsHarness> {
  const t = await createTestDatabase(dialect);
  const clock = new ManualClock(Date.parse('2026-11-01T08:00:00.000Z'));
  const ids = new Uuid7IdGenerator(clock);
  const blobRoot = mkdtempSync(join(tmpdir(), 'proofdesk-blobs-'));
  const forensic = createForensicPorts(DEFAULT_LIMITS);
  const services = createServices({
    db: t.db,
    blobs: new FsBlobStore(blobRoot),
    cipher: new AesGcmContactCipher({ currentKeyId: 'k1', keys: { k1: randomBytes(32) } }),
    pseudonymiser: new HmacPseudonymiser(randomBytes(32)),
    clock,
    ids,
    forensic,
    logger: silentLogger,
  });
  const at = clock.nowMs();
  for (const id of ['ws1', 'ws2'])
    await t.db.kysely
      .insertInto('workspaces')
      .values({ id, slug: id, name: id, policy_json: JSON.stringify(policy), created_at: new Date(at).toISOString() })
      .execute();
  const queue = new DbJobQueue(t.db, clock);
  const workers = [1, 2, 3, 4].map(
    (n) => new JobWorker({ queue, handlers: services.jobHandlers, logger: silentLogger, workerId: `test-${n}` }),
  );
  const user = (userId: string, workspaceId: string, role: 'agent' | 'reviewer' | 'admin'): Actor => ({
    kind: 'user',
    userId,
    workspaceId,
    roles: [role],
  });
  return {
    t,
    clock,
    services,
    blobRoot,
    agent: user('agent1', 'ws1', 'agent'),
    reviewer: user('reviewer1', 'ws1', 'reviewer'),
    admin: user('admin1', 'ws1', 'admin'),
    outsider: user('admin2', 'ws2', 'admin'),
    buyer: (claimId) => ({ kind: 'buyer', claimId, workspaceId: 'ws1' }),
    async runJobs(count = 1) {
      const ran = await Promise.all(workers.slice(0, count).map((w) => w.runUntilIdle()));
      return ran.reduce((a, b) => a + b, 0);
    },
    async dispose() {
      await forensic.close();
      await t.dispose();
      rmSync(blobRoot, { recursive: true, force: true });
    },
  };
}

/** An upload of bytes in one chunk. */
export function upload(filename: string, bytes: Uint8Array, maxBytes = 20 * 1024 * 1024) {
  return { filename, source: [bytes], maxBytes };
}

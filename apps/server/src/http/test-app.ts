import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, type Actor, type Role } from '@proofdesk/domain';
import { DEFAULT_LIMITS } from '@proofdesk/forensics';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { FsBlobStore } from '../adapters/blob/fs.blob-store.js';
import { AesGcmContactCipher } from '../adapters/crypto/aes-gcm.contact-cipher.js';
import { deriveBuyerLinkKey } from '../adapters/crypto/buyer-link.js';
import { HmacPseudonymiser } from '../adapters/crypto/hmac.pseudonymiser.js';
import { ScryptPasswordHasher } from '../adapters/crypto/scrypt.password-hasher.js';
import type { Dialect } from '../adapters/db/database.js';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { DbJobQueue } from '../adapters/queue/db.job-queue.js';
import { ManualClock } from '../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { JobWorker } from '../jobs/job-worker.js';
import { createApiKeyService } from '../services/api-key.service.js';
import { verifyWorkspaceChain } from '../services/audit.service.js';
import { createAuthService } from '../services/auth.service.js';
import { createServices, silentLogger, type Services } from '../services/index.js';
import { createUserService } from '../services/user.service.js';
import { createWorkspaceService } from '../services/workspace.service.js';
import { createTestDatabase, type TestDatabase } from '../testing/databases.js';
import type { AppServices, HttpOptions } from './app-deps.js';
import { buildApp } from './app.js';
import { SESSION_COOKIE } from './principal.js';

/** Request headers that authenticate as someone. */
export type Credentials = Readonly<Record<string, string>>;

export interface TestApp {
  readonly app: FastifyInstance;
  readonly t: TestDatabase;
  readonly clock: ManualClock;
  readonly services: AppServices & Services;
  readonly blobRoot: string;
  /** The workspace under test and another one. */
  readonly workspaceId: string;
  readonly otherWorkspaceId: string;
  /** A signed-in user per role in the workspace (cookie + CSRF header), and an admin of the other workspace. */
  readonly as: Readonly<Record<Role | 'outsider', Credentials>>;
  /** The actors behind `as`, for calling services directly. */
  readonly actors: Readonly<Record<Role | 'outsider', Actor>>;
  /** Runs due jobs with the real worker; returns how many ran. */
  runJobs(): Promise<number>;
  /** How many files the blob store holds, temp files included. */
  blobCount(): number;
  dispose(): Promise<void>;
}

export const TEST_PASSWORD = 'test-password-1';

/**
 * The whole API over a real database of `dialect`, real blob store, real crypto and forensic ports and the real job
 * worker; only the clock and ids are under the test's control. One user per role is signed in.
 */
export async function createTestApp(
  dialect: Dialect,
  options: HttpOptions = {},
  logger?: FastifyBaseLogger,
): Promise<TestApp> {
  const t = await createTestDatabase(dialect);
  const clock = new ManualClock(Date.now());
  const ids = new Uuid7IdGenerator(clock);
  const blobRoot = mkdtempSync(join(tmpdir(), 'proofdesk-http-blobs-'));
  const forensic = createForensicPorts(DEFAULT_LIMITS);
  const hmacKey = randomBytes(32);
  const hasher = new ScryptPasswordHasher({ N: 1024, r: 8, p: 1 });
  const base = { db: t.db, clock, ids };
  const claims = createServices({
    ...base,
    blobs: new FsBlobStore(blobRoot),
    cipher: new AesGcmContactCipher({ currentKeyId: 'k1', keys: { k1: randomBytes(32) } }),
    pseudonymiser: new HmacPseudonymiser(hmacKey),
    forensic,
    logger: silentLogger,
  });
  const queue = new DbJobQueue(t.db, clock);
  const services: AppServices & Services = {
    ...claims,
    auth: createAuthService({ ...base, hasher, buyerLinkKey: deriveBuyerLinkKey(hmacKey) }),
    users: createUserService({ ...base, hasher }),
    apiKeys: createApiKeyService(base),
    workspaces: createWorkspaceService(base),
    jobs: queue,
    audit: { verifyWorkspaceChain: (workspaceId) => verifyWorkspaceChain(t.db, workspaceId) },
  };
  const ws = await services.workspaces.createWorkspace({ slug: 'acme', name: '极客智能锁旗舰店' });
  const other = await services.workspaces.createWorkspace({ slug: 'other', name: 'Other shop' });
  const app = await buildApp({ db: t.db, clock, services, options, ...(logger ? { logger } : {}) });

  const actors: Partial<Record<Role | 'outsider', Actor>> = {};
  const as: Partial<Record<Role | 'outsider', Credentials>> = {};
  const people: [Role | 'outsider', string, Role][] = [
    ...ROLES.map((role): [Role, string, Role] => [role, ws.id, role]),
    ['outsider', other.id, 'admin'],
  ];
  for (const [who, workspaceId, role] of people) {
    const system: Actor = { kind: 'system', component: 'test', workspaceId };
    const user = await services.users.createUser(system, {
      email: `${who}@example.com`,
      displayName: who,
      password: TEST_PASSWORD,
      roles: [role],
    });
    const session = await services.auth.signIn(user.email, TEST_PASSWORD);
    actors[who] = session.actor;
    as[who] = { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken };
  }
  const worker = new JobWorker({ queue, handlers: claims.jobHandlers, logger: silentLogger });
  return {
    app,
    t,
    clock,
    services,
    blobRoot,
    workspaceId: ws.id,
    otherWorkspaceId: other.id,
    as: as as Record<Role | 'outsider', Credentials>,
    actors: actors as Record<Role | 'outsider', Actor>,
    runJobs: () => worker.runUntilIdle(),
    blobCount: () => countFiles(blobRoot),
    async dispose() {
      await app.close();
      await forensic.close();
      await t.dispose();
      rmSync(blobRoot, { recursive: true, force: true });
    },
  };
}

function countFiles(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) n += countFiles(path);
    else n += 1;
  }
  return n;
}

/** A `multipart/form-data` body with one file in the field `file` (or `field`), for `inject`. */
export function multipartFile(
  filename: string,
  bytes: Uint8Array,
  contentType = 'image/jpeg',
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----proofdesk${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A small real JPEG of one colour (distinct colours give distinct photos). */
export async function testJpeg(r = 180, g = 120, b = 60, width = 96, height = 64): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, Clock, Role } from '@proofdesk/domain';
import { DEFAULT_LIMITS } from '@proofdesk/forensics';
import { FsBlobStore } from '../adapters/blob/fs.blob-store.js';
import { AesGcmContactCipher } from '../adapters/crypto/aes-gcm.contact-cipher.js';
import { HmacPseudonymiser } from '../adapters/crypto/hmac.pseudonymiser.js';
import { ScryptPasswordHasher } from '../adapters/crypto/scrypt.password-hasher.js';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { DbJobQueue } from '../adapters/queue/db.job-queue.js';
import { ManualClock } from '../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { JobWorker } from '../jobs/job-worker.js';
import { verifyAllChains } from '../services/audit.service.js';
import { createServices, silentLogger, type ServiceDeps, type Services } from '../services/index.js';
import { createUserService } from '../services/user.service.js';
import { createTestDatabase, insertBareWorkspaces, type TestDatabase } from '../testing/databases.js';
import { DEMO_ORDERS, DEMO_OUTLETS, DEMO_SERVICE_AREAS, DEMO_TECHNICIANS } from './service-demo-data.js';
import { previousWorkingDay, seedServiceNetwork, shanghaiDay, type ServiceSeedResult } from './service-demo-seed.js';

describe('service network demo seed', () => {
  let t: TestDatabase;
  let services: Services;
  let seeded: ServiceSeedResult;
  let blobRoot: string;
  let close: () => Promise<void>;
  // A Monday morning in Shanghai (2026-11-23 10:00); the breach is seeded on the previous working day.
  const clock = new ManualClock(Date.parse('2026-11-23T02:00:00.000Z'));
  const actors = new Map<string, Actor>();
  before(async () => {
    t = await createTestDatabase('sqlite');
    await insertBareWorkspaces(t.db, ['ws1']);
    blobRoot = mkdtempSync(join(tmpdir(), 'proofdesk-blobs-'));
    const forensic = createForensicPorts(DEFAULT_LIMITS);
    close = () => forensic.close();
    const deps: ServiceDeps = {
      db: t.db,
      blobs: new FsBlobStore(blobRoot),
      cipher: new AesGcmContactCipher({ currentKeyId: 'k1', keys: { k1: randomBytes(32) } }),
      pseudonymiser: new HmacPseudonymiser(randomBytes(32)),
      clock,
      ids: new Uuid7IdGenerator(clock),
      forensic,
      logger: silentLogger,
    };
    services = createServices(deps);
    const worker = new JobWorker({
      queue: new DbJobQueue(t.db, clock),
      handlers: services.jobHandlers,
      logger: silentLogger,
      workerId: 'seed-test',
    });
    const users = createUserService({
      db: t.db,
      clock,
      ids: new Uuid7IdGenerator(clock),
      hasher: new ScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 }),
    });
    const bootstrap: Actor = { kind: 'system', component: 'test', workspaceId: 'ws1' };
    for (const role of ['admin', 'agent', 'dispatcher', 'technician'] as const satisfies readonly Role[]) {
      const view = await users.createUser(bootstrap, {
        email: `${role}@example.cn`,
        displayName: role,
        password: 'correct horse battery',
        roles: [role],
      });
      actors.set(role, { kind: 'user', userId: view.id, workspaceId: 'ws1', roles: [role] });
    }
    seeded = await seedServiceNetwork({
      services,
      workspaceId: 'ws1',
      actors,
      runJobsUntilIdle: async () => {
        await worker.runUntilIdle();
      },
      now: () => new Date(clock.nowMs()),
      servicesOffsetBy: (offsetMs) => {
        const shifted: Clock = { nowMs: () => clock.nowMs() + offsetMs };
        return createServices({ ...deps, clock: shifted, ids: new Uuid7IdGenerator(shifted) });
      },
    });
  });
  after(async () => {
    await close();
    await t.dispose();
    rmSync(blobRoot, { recursive: true, force: true });
  });

  it('creates the outlets with the sample list as their coverage, resolved by the area resolver', async () => {
    assert.equal(seeded.outletIds.length, DEMO_OUTLETS.length);
    const lines = DEMO_SERVICE_AREAS.split('\n').length;
    assert.equal(lines, 139);
    // Each line goes to the outlet of its province; ≥ 99 % resolve (the target on lists like it).
    assert.ok(seeded.coverage.resolved >= Math.ceil(lines * 0.99), JSON.stringify(seeded.coverage));
    let rules = 0;
    for (const id of seeded.outletIds)
      rules += (await services.coverage.getCoverage(actors.get('admin')!, id)).rules.length;
    assert.ok(rules >= seeded.coverage.resolved, `${rules} coverage rules`);
  });

  it('links the demo technician user to one technician, with skills', async () => {
    assert.equal(seeded.technicianIds.length, DEMO_TECHNICIANS.length);
    const page = await services.technicians.listTechnicians(actors.get('admin')!, { limit: 200 });
    const linked = page.items.filter((x) => x.userId !== null);
    assert.equal(linked.length, 1);
    assert.equal(linked[0]!.name, '孙师傅');
    assert.ok(page.items.every((x) => x.skills.productLines.length > 0 && x.skills.faultCategories.length > 0));
  });

  it("books today's orders and walks each to its planned state", async () => {
    const admin = actors.get('admin')!;
    const today = shanghaiDay(new Date(clock.nowMs()));
    const planned: Record<string, string> = { needs_parts: 'needs_parts' };
    for (const [i, id] of seeded.orderIds.entries()) {
      const order = await services.repairOrders.getOrder(admin, id);
      const plan = DEMO_ORDERS[i]!.plan;
      assert.equal(order.status, planned[plan] ?? plan, `order ${i} (${DEMO_ORDERS[i]!.areaText})`);
      assert.equal(order.preferredDate, today);
      if (plan !== 'reported')
        assert.ok(
          order.history.some((e) => e.event === 'assign'),
          `order ${i} assigned`,
        );
      // Registered serials give the warranty at intake: bought 8 and 14 months ago (24 months), and 30 months ago.
      const serial = DEMO_ORDERS[i]!.serial;
      const warranty = serial === undefined ? 'unknown' : serial === 'AT-F2-2311-00342' ? 'expired' : 'in_warranty';
      assert.equal(order.warrantyStatus, warranty, `order ${i} warranty`);
    }
  });

  it('shows the technician user only their own orders', async () => {
    const tech = actors.get('technician')!;
    const mine = await services.repairOrders.listOrders(tech, { limit: 200 });
    const expected = DEMO_ORDERS.filter((o) => o.technician === 'sun').length;
    assert.equal(mine.items.length, expected);
  });

  it('seeds one order assigned on the previous working afternoon, never accepted, escalated up the ladder', async () => {
    const dispatcher = actors.get('dispatcher')!;
    assert.ok(seeded.breachedOrderId);
    assert.equal(previousWorkingDay('2026-11-23'), '2026-11-20');
    const order = await services.repairOrders.getOrder(dispatcher, seeded.breachedOrderId);
    assert.equal(order.status, 'assigned');
    assert.equal(order.slaBreached, true);
    assert.ok(order.history.find((e) => e.event === 'assign')?.at.startsWith('2026-11-20T06:00'));
    const response = order.slaTimers.find((x) => x.kind === 'response');
    assert.equal(response?.state, 'breached');
    const escalations = await services.sla.listEscalations(dispatcher, { orderId: seeded.breachedOrderId });
    assert.deepEqual(
      escalations.items.map((e) => e.level).sort(),
      ['brand', 'dispatcher', 'outlet_manager'],
      'dispatcher, then the outlet manager, then the brand',
    );
  });

  it('keeps the audit chain verifiable', async () => {
    for (const r of await verifyAllChains(t.db)) assert.equal(r.ok, true, JSON.stringify(r));
  });
});

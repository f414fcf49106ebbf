import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor, Role } from '@proofdesk/domain';
import { ScryptPasswordHasher } from '../adapters/crypto/scrypt.password-hasher.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { verifyAllChains } from '../services/audit.service.js';
import { createUserService } from '../services/user.service.js';
import { createClaimsHarness, type ClaimsHarness } from '../testing/claims-harness.js';
import { DEMO_ORDERS, DEMO_OUTLETS, DEMO_SERVICE_AREAS, DEMO_TECHNICIANS } from './service-demo-data.js';
import { seedServiceNetwork, shanghaiDay, type ServiceSeedResult } from './service-demo-seed.js';

describe('service network demo seed', () => {
  let h: ClaimsHarness;
  let seeded: ServiceSeedResult;
  const actors = new Map<string, Actor>();
  before(async () => {
    h = await createClaimsHarness('sqlite');
    const users = createUserService({
      db: h.t.db,
      clock: h.clock,
      ids: new Uuid7IdGenerator(h.clock),
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
      services: h.services,
      workspaceId: 'ws1',
      actors,
      runJobsUntilIdle: async () => {
        await h.runJobs();
      },
      now: () => new Date(h.clock.nowMs()),
    });
  });
  after(() => h.dispose());

  it('creates the outlets with the sample list as their coverage, resolved by the area resolver', async () => {
    assert.equal(seeded.outletIds.length, DEMO_OUTLETS.length);
    const lines = DEMO_SERVICE_AREAS.split('\n').length;
    assert.equal(lines, 139);
    // Each line goes to the outlet of its province; ≥ 99 % resolve (the target on lists like it).
    assert.ok(seeded.coverage.resolved >= Math.ceil(lines * 0.99), JSON.stringify(seeded.coverage));
    let rules = 0;
    for (const id of seeded.outletIds)
      rules += (await h.services.coverage.getCoverage(actors.get('admin')!, id)).rules.length;
    assert.ok(rules >= seeded.coverage.resolved, `${rules} coverage rules`);
  });

  it('links the demo technician user to one technician, with skills', async () => {
    assert.equal(seeded.technicianIds.length, DEMO_TECHNICIANS.length);
    const page = await h.services.technicians.listTechnicians(actors.get('admin')!, { limit: 200 });
    const linked = page.items.filter((x) => x.userId !== null);
    assert.equal(linked.length, 1);
    assert.equal(linked[0]!.name, '孙师傅');
    assert.ok(page.items.every((x) => x.skills.productLines.length > 0 && x.skills.faultCategories.length > 0));
  });

  it("books today's orders and walks each to its planned state", async () => {
    const admin = actors.get('admin')!;
    const today = shanghaiDay(new Date(h.clock.nowMs()));
    const planned: Record<string, string> = { needs_parts: 'needs_parts' };
    for (const [i, id] of seeded.orderIds.entries()) {
      const order = await h.services.repairOrders.getOrder(admin, id);
      const plan = DEMO_ORDERS[i]!.plan;
      assert.equal(order.status, planned[plan] ?? plan, `order ${i} (${DEMO_ORDERS[i]!.areaText})`);
      assert.equal(order.preferredDate, today);
      if (plan !== 'reported')
        assert.ok(
          order.history.some((e) => e.event === 'assign'),
          `order ${i} assigned`,
        );
    }
  });

  it('shows the technician user only their own orders', async () => {
    const tech = actors.get('technician')!;
    const mine = await h.services.repairOrders.listOrders(tech, { limit: 200 });
    const expected = DEMO_ORDERS.filter((o) => o.technician === 'sun').length;
    assert.equal(mine.items.length, expected);
  });

  it('keeps the audit chain verifiable', async () => {
    for (const r of await verifyAllChains(h.t.db)) assert.equal(r.ok, true, JSON.stringify(r));
  });
});

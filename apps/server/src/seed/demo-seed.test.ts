import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import type { Actor } from '@proofdesk/domain';
import { ScryptPasswordHasher } from '../adapters/crypto/scrypt.password-hasher.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { verifyAllChains } from '../services/audit.service.js';
import { createUserService } from '../services/user.service.js';
import { createWorkspaceService } from '../services/workspace.service.js';
import { createClaimsHarness, type ClaimsHarness } from '../testing/claims-harness.js';
import { REPO_ROOT } from '../testing/paths.js';
import { DEMO_CLAIMS, DEMO_USERS } from './demo-data.js';
import { seedDemo, type DemoSeedResult } from './demo-seed.js';

describe('demo seed', () => {
  let h: ClaimsHarness;
  let seeded: DemoSeedResult;
  before(async () => {
    h = await createClaimsHarness('sqlite');
    const ids = new Uuid7IdGenerator(h.clock);
    seeded = await seedDemo({
      services: h.services,
      workspaces: createWorkspaceService({ db: h.t.db, clock: h.clock, ids }),
      users: createUserService({
        db: h.t.db,
        clock: h.clock,
        ids,
        hasher: new ScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 }),
      }),
      photoDir: join(REPO_ROOT, 'apps', 'server', 'demo', 'photos'),
      runJobsUntilIdle: async () => {
        await h.runJobs();
      },
    });
  });
  after(() => h.dispose());

  const admin = (): Actor => ({ kind: 'system', component: 'test', workspaceId: seeded.workspaceId });

  it('creates one user per role with a generated password', () => {
    assert.equal(seeded.users.length, DEMO_USERS.length);
    assert.deepEqual(new Set(seeded.users.flatMap((u) => u.roles)).size, 5);
    for (const user of seeded.users) assert.ok(user.password.length >= 12, user.email);
  });

  it('leaves every claim where its story says, analysed, with the painted and AI photos flagged', async () => {
    const expected: readonly [status: string, flagged: boolean][] = [
      ['awaiting_merchant', true], // painted shattered glass
      ['awaiting_merchant', true], // painted crack
      ['in_review', true], // painted dent, merchant responded with a packing photo
      ['rejected', true], // painted stain, rejected
      ['approved', false], // genuine, ¥30: auto-approved
      ['awaiting_merchant', false], // genuine, over the ceiling
      ['approved', false], // genuine, ¥45: auto-approved
      ['approved', false], // genuine, merchant accepted
      ['awaiting_merchant', true], // AIGC label
      ['awaiting_merchant', true], // screenshot
      ['appealed', true], // Firefly C2PA, rejected then appealed
      ['awaiting_merchant', true], // a photo already used in another claim
    ];
    assert.equal(seeded.claimIds.length, DEMO_CLAIMS.length);
    for (const [i, claimId] of seeded.claimIds.entries()) {
      const claim = await h.services.claims.getClaim(admin(), claimId);
      const [status, flagged] = expected[i]!;
      assert.equal(claim.status, status, `claim ${i}: ${DEMO_CLAIMS[i]!.reason}`);
      assert.equal(claim.flagged, flagged, `claim ${i} flagged`);
      const evidence = await h.services.evidence.listEvidence(admin(), claimId);
      assert.ok(evidence.length > 0 && evidence.every((e) => e.status === 'analysed'), `claim ${i} analysed`);
    }
  });

  it('names the earlier claim when a photo is reused', async () => {
    const evidence = await h.services.evidence.listEvidence(admin(), seeded.claimIds[11]!);
    const codes = evidence.flatMap((e) => e.report?.findings.map((f) => f.code) ?? []);
    assert.ok(codes.includes('reuse.seen_in_other_claim'), codes.join(', '));
  });

  it('shows the buyer of the claim rejected as forged with a non-trivial credit and a legal flag', async () => {
    const reviewer: Actor = { kind: 'user', userId: 'r', workspaceId: seeded.workspaceId, roles: ['reviewer'] };
    const credit = await h.services.credit.claimBuyerCredit(reviewer, seeded.claimIds[3]!);
    assert.ok(credit && credit.score < 40, `score ${credit?.score}`);
    assert.equal(credit.band, 'high_risk');
    assert.ok(credit.factors.some((f) => f.code === 'confirmed_fraud'));
    assert.equal(credit.legal.flags[0]?.code, 'administrative');
    const flagged = await h.services.credit.flaggedBuyers(reviewer);
    assert.ok(flagged.items.some((b) => b.buyerId === credit.buyerId));
  });

  it('keeps the audit chain verifiable', async () => {
    const results = await verifyAllChains(h.t.db);
    assert.ok(results.length > 0);
    for (const r of results) assert.equal(r.ok, true, JSON.stringify(r));
  });
});

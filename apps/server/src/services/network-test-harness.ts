import { randomBytes } from 'node:crypto';
import type { Actor, Role } from '@proofdesk/domain';
import { AesGcmContactCipher } from '../adapters/crypto/aes-gcm.contact-cipher.js';
import { HmacPseudonymiser } from '../adapters/crypto/hmac.pseudonymiser.js';
import type { Dialect } from '../adapters/db/database.js';
import { ManualClock } from '../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { createTestDatabase, insertBareWorkspaces, type TestDatabase } from '../testing/databases.js';
import { AreaService } from './network-areas.service.js';
import { NetworkService } from './network.service.js';
import { OutletCoverageService } from './outlet-coverage.service.js';
import { OutletService } from './outlet.service.js';
import { ServiceSettingsService } from './service-settings.service.js';
import { TechnicianService } from './technician.service.js';

/** The network services over a real database of one dialect, two workspaces, and who acts in them. */
export interface NetworkHarness {
  readonly t: TestDatabase;
  readonly clock: ManualClock;
  readonly outlets: OutletService;
  readonly coverage: OutletCoverageService;
  readonly technicians: TechnicianService;
  readonly settings: ServiceSettingsService;
  readonly areas: AreaService;
  readonly network: NetworkService;
  readonly admin: Actor;
  readonly dispatcher: Actor;
  readonly technician: Actor;
  readonly agent: Actor;
  /** An admin of the other workspace. */
  readonly outsider: Actor;
  /** User ids: a manager in ws1, a technician's login in ws1, a user of ws2. */
  readonly users: { readonly manager: string; readonly techUser: string; readonly otherUser: string };
  auditActions(subjectId?: string): Promise<string[]>;
  dispose(): Promise<void>;
}

const user = (userId: string, workspaceId: string, role: Role): Actor => ({
  kind: 'user',
  userId,
  workspaceId,
  roles: [role],
});

export async function createNetworkHarness(dialect: Dialect): Promise<NetworkHarness> {
  const t = await createTestDatabase(dialect);
  const clock = new ManualClock(Date.parse('2026-11-02T02:00:00.000Z'));
  const deps = {
    db: t.db,
    clock,
    ids: new Uuid7IdGenerator(clock),
    cipher: new AesGcmContactCipher({ currentKeyId: 'k1', keys: { k1: randomBytes(32) } }),
    pseudonymiser: new HmacPseudonymiser(randomBytes(32)),
  };
  await insertBareWorkspaces(t.db, ['ws1', 'ws2']);
  const users = { manager: 'u-manager', techUser: 'u-tech', otherUser: 'u-other' };
  await t.db.kysely
    .insertInto('users')
    .values(
      [
        [users.manager, 'ws1', 'admin'],
        [users.techUser, 'ws1', 'technician'],
        [users.otherUser, 'ws2', 'technician'],
      ].map(([id, workspaceId, role]) => ({
        id: id!,
        workspace_id: workspaceId!,
        email: `${id}@example.com`,
        display_name: id!,
        password_hash: 'x',
        roles_json: JSON.stringify([role]),
        locale: 'zh-CN',
        created_at: '2026-11-01T00:00:00.000Z',
        disabled_at: null,
      })),
    )
    .execute();
  return {
    t,
    clock,
    outlets: new OutletService(deps),
    coverage: new OutletCoverageService(deps),
    technicians: new TechnicianService(deps),
    settings: new ServiceSettingsService(deps),
    areas: new AreaService(),
    network: new NetworkService(deps),
    admin: user('admin1', 'ws1', 'admin'),
    dispatcher: user('dispatcher1', 'ws1', 'dispatcher'),
    technician: user('tech1', 'ws1', 'technician'),
    agent: user('agent1', 'ws1', 'agent'),
    outsider: user('admin2', 'ws2', 'admin'),
    users,
    async auditActions(subjectId) {
      let query = t.db.kysely
        .selectFrom('audit_events')
        .select('action')
        .where('workspace_id', '=', 'ws1')
        .orderBy('seq');
      if (subjectId) query = query.where('subject_id', '=', subjectId);
      return (await query.execute()).map((r) => r.action);
    },
    dispose: () => t.dispose(),
  };
}

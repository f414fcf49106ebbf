import { FAULT_CATEGORIES, type Actor } from '@proofdesk/domain';
import { sha256Hex } from '../adapters/crypto/tokens.js';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { TestApp } from '../http/test-app.js';
import type { RepairIntake } from './repair-order.service.js';

/** A small service network in 海口市龙华区 for repair-order tests: one outlet, two technicians. */
export interface RepairNetworkFixture {
  readonly outletId: string;
  /** The technician record of the test app's `technician` user. */
  readonly ownTechnicianId: string;
  /** A technician without a console user. */
  readonly otherTechnicianId: string;
}

/** Monday 2026-11-02 10:00 in Shanghai: a working day inside service hours. */
export const MONDAY_10AM_MS = Date.parse('2026-11-02T02:00:00.000Z');

/**
 * Inserts the network rows directly (outlet covering 龙华区 460106, managed by the admin; two technicians skilled in
 * `smart_lock` and every fault category) and bumps the network version, so cached dispatch indexes see them.
 */
export async function seedRepairNetwork(h: TestApp): Promise<RepairNetworkFixture> {
  const admin = h.actors.admin;
  const technician = h.actors.technician;
  if (admin.kind !== 'user' || technician.kind !== 'user') throw new Error('test app users expected');
  return insertRepairNetwork(h.t.db.kysely, {
    workspaceId: h.workspaceId,
    managerUserId: admin.userId,
    technicianUserId: technician.userId,
    at: new Date(h.clock.nowMs()).toISOString(),
  });
}

/** {@link seedRepairNetwork} on any database: the same rows for one workspace. */
export async function insertRepairNetwork(
  db: Kysely<Database>,
  input: { workspaceId: string; managerUserId: string | null; technicianUserId: string | null; at: string },
): Promise<RepairNetworkFixture> {
  const { workspaceId, at } = input;
  const outletId = `outlet-${workspaceId.slice(-6)}`;
  await db
    .insertInto('outlets')
    .values({
      id: outletId,
      workspace_id: workspaceId,
      name: '龙华服务网点',
      address: '海口市龙华区金贸西路 1 号',
      area_code: '460106',
      phones_json: JSON.stringify(['0898-66000000']),
      manager_user_id: input.managerUserId,
      active: 1,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('outlet_coverage')
    .values({ workspace_id: workspaceId, outlet_id: outletId, code: '460106', mode: 'include', created_at: at })
    .execute();
  const skills = JSON.stringify({ productLines: ['smart_lock'], faultCategories: [...FAULT_CATEGORIES] });
  const technicians = [
    { id: `tech-own-${workspaceId.slice(-6)}`, name: '王师傅', user: input.technicianUserId, phone: '13900000001' },
    { id: `tech-other-${workspaceId.slice(-6)}`, name: '李师傅', user: null, phone: '13900000002' },
  ];
  for (const t of technicians) {
    // The repair services never open a technician's phone: a placeholder seal keeps the row valid.
    const sealed = { index: sha256Hex(t.phone), keyId: 'k1', ciphertext: 'not-opened-by-repair-tests' };
    await db
      .insertInto('technicians')
      .values({
        id: t.id,
        workspace_id: workspaceId,
        name: t.name,
        phone_index: sealed.index,
        phone_masked: `${t.phone.slice(0, 3)}****${t.phone.slice(-4)}`,
        contact_key_id: sealed.keyId,
        phone_ciphertext: sealed.ciphertext,
        user_id: t.user,
        home_outlet_id: outletId,
        skills_json: skills,
        rating: 4.5,
        capacity_override: null,
        active: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  await db
    .insertInto('network_versions')
    .values({ workspace_id: workspaceId, version: 1 })
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet((eb) => ({ version: eb('network_versions.version', '+', 1) })),
    )
    .execute();
  return { outletId, ownTechnicianId: technicians[0]!.id, otherTechnicianId: technicians[1]!.id };
}

/** A valid intake; override what the test is about. */
export function intakeOf(overrides: Partial<RepairIntake> = {}): RepairIntake {
  return {
    channel: 'phone',
    customer: { name: '张三', phone: '13812345678', address: '金贸西路 8 号 2 单元 301' },
    areaCode: '460106001',
    productLine: 'smart_lock',
    faultCategory: 'fingerprint_not_recognised',
    description: '指纹录入后无法识别，门打不开',
    preferredDate: '2026-11-02',
    preferredSlot: 'afternoon',
    ...overrides,
  };
}

/** The actor of a test app role. */
export function as(h: TestApp, who: 'admin' | 'agent' | 'dispatcher' | 'technician' | 'reviewer' | 'outsider'): Actor {
  return h.actors[who];
}

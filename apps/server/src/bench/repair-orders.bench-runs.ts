import { createBusinessCalendar, FAULT_CATEGORIES, type Actor } from '@proofdesk/domain';
import autocannon from 'autocannon';
import { openDatabase, type Db, type Dialect } from '../adapters/db/database.js';
import { systemClock } from '../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { createApiKeyService } from '../services/api-key.service.js';

/** Technicians in the bench's one outlet (龙华区), each taking 20 bookings per slot. */
const TECHNICIANS = 500;

/** One load run's figures. */
export interface RepairRun {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

/**
 * Inserts the bench's service network (one outlet covering 海口市龙华区, 500 technicians skilled in `smart_lock` and
 * every fault) and a dispatcher API key.
 * @returns the dispatcher's key
 */
export async function insertBenchNetwork(db: Db, workspaceId: string): Promise<string> {
  const at = new Date().toISOString();
  const ids = new Uuid7IdGenerator();
  await db.kysely
    .insertInto('outlets')
    .values({
      id: 'bench-outlet',
      workspace_id: workspaceId,
      name: '龙华服务网点',
      address: '海口市龙华区',
      area_code: '460106',
      phones_json: '[]',
      manager_user_id: null,
      active: 1,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db.kysely
    .insertInto('outlet_coverage')
    .values({ workspace_id: workspaceId, outlet_id: 'bench-outlet', code: '460106', mode: 'include', created_at: at })
    .execute();
  const skills = JSON.stringify({ productLines: ['smart_lock'], faultCategories: [...FAULT_CATEGORIES] });
  const rows = Array.from({ length: TECHNICIANS }, (_, i) => ({
    id: `bench-tech-${String(i).padStart(4, '0')}`,
    workspace_id: workspaceId,
    name: `技师${i}`,
    phone_index: `bench-${i}`,
    phone_masked: '139****0000',
    contact_key_id: 'k1',
    phone_ciphertext: 'not-opened',
    user_id: null,
    home_outlet_id: 'bench-outlet',
    skills_json: skills,
    rating: 3 + (i % 20) / 10,
    capacity_override: 20,
    active: 1,
    version: 1,
    created_at: at,
    updated_at: at,
  }));
  for (let start = 0; start < rows.length; start += 100)
    await db.kysely
      .insertInto('technicians')
      .values(rows.slice(start, start + 100))
      .execute();
  await db.kysely.insertInto('network_versions').values({ workspace_id: workspaceId, version: 1 }).execute();
  const system: Actor = { kind: 'system', component: 'bench', workspaceId };
  const { key } = await createApiKeyService({ db, clock: systemClock, ids }).createApiKey(system, {
    name: 'dispatch',
    roles: ['dispatcher'],
  });
  return key;
}

/** The next 30 working days (business calendar), so a dispatch is not refused for a weekend or a holiday. */
function workingDays(): string[] {
  const calendar = createBusinessCalendar();
  const days: string[] = [];
  for (let i = 1; days.length < 30; i++) {
    const date = new Date(Date.now() + 8 * 3_600_000 + i * 86_400_000).toISOString().slice(0, 10);
    if (calendar.isWorkingDay(date)) days.push(date);
  }
  return days;
}

async function run(
  name: string,
  url: string,
  seconds: number,
  connections: number,
  request: autocannon.Request,
): Promise<RepairRun> {
  const result = await autocannon({ url, connections, duration: seconds, requests: [request] });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * Repair-order intake by the agent key, then automatic dispatch by the dispatcher key of the orders just taken in
 * (spread over the next 30 working days and three slots, so neither capacity nor a day off refuses them).
 */
export async function repairOrderRuns(
  dialect: Dialect,
  spec: string,
  openDb: Db | undefined,
  url: string,
  seconds: number,
  workspaceId: string,
  agentAuth: Readonly<Record<string, string>>,
  dispatcherKey: string,
): Promise<RepairRun[]> {
  const slots = ['morning', 'afternoon', 'evening'] as const;
  const days = workingDays();
  let n = 0;
  const runs: RepairRun[] = [];
  runs.push(
    await run(`${dialect} POST /api/v1/repair-orders`, url, seconds, 16, {
      method: 'POST',
      path: '/api/v1/repair-orders',
      headers: agentAuth,
      setupRequest: (req) => {
        const i = n++;
        return {
          ...req,
          body: JSON.stringify({
            channel: 'phone',
            customer: {
              name: '张三',
              phone: `138${String(i % 100_000_000).padStart(8, '0')}`,
              address: '金贸西路 8 号',
            },
            areaCode: '460106001',
            productLine: 'smart_lock',
            faultCategory: FAULT_CATEGORIES[i % FAULT_CATEGORIES.length],
            description: '指纹无法识别',
            preferredDate: days[i % days.length],
            preferredSlot: slots[i % 3],
          }),
        };
      },
    }),
  );
  const db = openDb ?? (await openDatabase(spec, { migrate: false }));
  let orderIds: string[];
  try {
    orderIds = (
      await db.kysely
        .selectFrom('repair_orders')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('status', '=', 'reported')
        .execute()
    ).map((r) => r.id);
  } finally {
    if (!openDb) await db.close();
  }
  let d = 0;
  const dispatcher = { authorization: `Bearer ${dispatcherKey}`, 'content-type': 'application/json' };
  runs.push(
    await run(`${dialect} POST /api/v1/repair-orders/:id/dispatch (${TECHNICIANS} technicians)`, url, seconds, 16, {
      method: 'POST',
      path: '/api/v1/repair-orders',
      headers: dispatcher,
      setupRequest: (req) => ({
        ...req,
        path: `/api/v1/repair-orders/${orderIds[d++ % Math.max(1, orderIds.length)]}/dispatch`,
        body: '{}',
      }),
    }),
  );
  return runs;
}

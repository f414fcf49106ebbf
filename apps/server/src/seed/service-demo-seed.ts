/**
 * Seeds the demo brand's service network through the real services (every row, audit event and SLA job is what
 * production would have made): settings with the product lines, regional outlets whose coverage is imported from
 * the sample list of service areas (resolved by the area resolver, outlet by outlet), technicians with skills and
 * calendars (one linked to the demo technician user), and today's repair orders walked to several states.
 */
import { createBusinessCalendar, getDivision, resolveArea, type Actor } from '@proofdesk/domain';
import type { Services } from '../services/index.js';
import {
  DEMO_BREACH,
  DEMO_ORDERS,
  DEMO_OUTLETS,
  DEMO_PRODUCT_LINES,
  DEMO_SERIALS,
  DEMO_SERVICE_AREAS,
  DEMO_TECHNICIANS,
  type DemoOrder,
} from './service-demo-data.js';

export interface ServiceSeedDeps {
  readonly services: Services;
  readonly workspaceId: string;
  /** The demo users as actors (admin, agent, dispatcher, technician). */
  readonly actors: ReadonlyMap<string, Actor>;
  /** Runs queued jobs until none is due. */
  readonly runJobsUntilIdle: () => Promise<void>;
  /** The seed's "now" (for today's date in Asia/Shanghai). */
  readonly now: () => Date;
  /**
   * The same services on a clock `offsetMs` away from the seed's. With it, one order is taken in and assigned on the
   * previous working afternoon and never accepted: its response SLA breached long ago, so the worker escalates it
   * through the whole ladder when the seed runs the jobs. Without it, no breach is seeded.
   */
  readonly servicesOffsetBy?: (offsetMs: number) => Services;
}

export interface ServiceSeedResult {
  readonly outletIds: readonly string[];
  readonly technicianIds: readonly string[];
  readonly orderIds: readonly string[];
  /** The order whose response SLA breached (null without `servicesOffsetBy`). */
  readonly breachedOrderId: string | null;
  /** Coverage import counts over the sample list. */
  readonly coverage: { readonly resolved: number; readonly ambiguous: number; readonly unresolved: number };
}

/** 'YYYY-MM-DD' in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Lines of the sample list whose resolution falls in one of `provinces` (unresolved lines go to no outlet). */
function linesFor(provinces: readonly string[]): string {
  return DEMO_SERVICE_AREAS.split('\n')
    .filter((line) => {
      const r = resolveArea(line);
      const code = r.status === 'resolved' ? r.division.code : r.status === 'ambiguous' ? r.candidates[0]?.code : null;
      return code !== undefined && code !== null && provinces.includes(code.slice(0, 2));
    })
    .join('\n');
}

export async function seedServiceNetwork(deps: ServiceSeedDeps): Promise<ServiceSeedResult> {
  const { services, actors } = deps;
  const admin = actors.get('admin')!;
  const agent = actors.get('agent')!;
  const dispatcher = actors.get('dispatcher')!;
  const techUser = actors.get('technician')!;
  const today = shanghaiDay(deps.now());

  const current = await services.serviceSettings.getSettings(admin);
  await services.serviceSettings.putSettings(
    admin,
    { ...current.settings, productLines: [...DEMO_PRODUCT_LINES] },
    current.version,
  );

  const outletIds = new Map<string, string>();
  const totals = { resolved: 0, ambiguous: 0, unresolved: 0 };
  for (const outlet of DEMO_OUTLETS) {
    const created = await services.outlets.createOutlet(admin, {
      name: outlet.name,
      address: outlet.address,
      areaCode: outlet.areaCode,
      phones: outlet.phones,
    });
    outletIds.set(outlet.key, created.id);
    const report = await services.coverage.importCoverage(admin, created.id, {
      text: linesFor(outlet.provinces),
      apply: true,
      mode: 'include',
    });
    totals.resolved += report.counts.resolved;
    totals.ambiguous += report.counts.ambiguous;
    totals.unresolved += report.counts.unresolved;
  }
  // Every outlet also covers its own county (where its technicians live).
  for (const outlet of DEMO_OUTLETS) {
    const id = outletIds.get(outlet.key)!;
    const coverage = await services.coverage.getCoverage(admin, id);
    if (coverage.rules.some((r) => r.code === outlet.areaCode) || !getDivision(outlet.areaCode)) continue;
    await services.coverage.replaceCoverage(
      admin,
      id,
      [...coverage.rules.map((r) => ({ code: r.code, mode: r.mode })), { code: outlet.areaCode, mode: 'include' }],
      coverage.version,
    );
  }

  const technicianIds = new Map<string, string>();
  for (const tech of DEMO_TECHNICIANS) {
    const created = await services.technicians.createTechnician(admin, {
      name: tech.name,
      phone: tech.phone,
      homeOutletId: outletIds.get(tech.outlet)!,
      skills: {
        productLines: [...tech.productLines],
        faultCategories: [
          ...(tech.faults ?? [
            'fingerprint_not_recognised',
            'motor_jammed',
            'battery_drained',
            'forgotten_password',
            'door_wont_lock',
            'other',
          ]),
        ],
      },
      rating: tech.rating,
      ...(tech.user && techUser.kind === 'user' ? { userId: techUser.userId } : {}),
    });
    technicianIds.set(tech.key, created.id);
    if (tech.offToday) await services.technicians.setCalendar(admin, created.id, { off: [today], on: [] });
  }

  for (const s of DEMO_SERIALS)
    await services.serials.registerSerial(agent, s.serial, {
      productLine: s.productLine,
      model: s.model,
      purchasedOn: shanghaiDay(new Date(deps.now().getTime() - s.monthsAgo * 30.5 * 86_400_000)),
      warrantyMonths: s.warrantyMonths,
    });

  const orderIds: string[] = [];
  for (const demo of DEMO_ORDERS) {
    const { order, statusToken } = await services.repairOrders.intake(agent, {
      channel: demo.channel,
      customer: demo.customer,
      areaText: demo.areaText,
      productLine: demo.productLine,
      ...(demo.serial ? { serial: demo.serial } : {}),
      faultCategory: demo.fault,
      description: demo.description,
      preferredDate: today,
      preferredSlot: demo.slot,
    });
    orderIds.push(order.id);
    await walk(deps, demo, order.id, statusToken, today, technicianIds, { admin, dispatcher, techUser });
  }
  const breachedOrderId = deps.servicesOffsetBy
    ? await seedBreach(deps, deps.servicesOffsetBy, today, technicianIds.get(DEMO_BREACH.technician)!, {
        agent,
        dispatcher,
      })
    : null;
  await deps.runJobsUntilIdle();
  return {
    breachedOrderId,
    outletIds: [...outletIds.values()],
    technicianIds: [...technicianIds.values()],
    orderIds,
    coverage: totals,
  };
}

const STEPS = ['assigned', 'accepted', 'on_the_way', 'on_site', 'completed', 'closed'] as const;

/** Takes one order from `reported` to its plan, as the dispatcher, the technician and the customer would. */
async function walk(
  deps: ServiceSeedDeps,
  demo: DemoOrder,
  orderId: string,
  token: string,
  today: string,
  technicianIds: ReadonlyMap<string, string>,
  who: { readonly admin: Actor; readonly dispatcher: Actor; readonly techUser: Actor },
): Promise<void> {
  const { services } = deps;
  if (demo.plan === 'reported' || !demo.technician) return;
  const technicianId = technicianIds.get(demo.technician)!;
  // The demo technician user acts on their own orders; the others have no console account, so the admin records
  // their steps (admins hold service.work).
  const tech = DEMO_TECHNICIANS.find((x) => x.key === demo.technician)?.user ? who.techUser : who.admin;
  await services.repairWorkflow.assign(
    who.dispatcher,
    orderId,
    { technicianId, date: today, slot: demo.slot },
    { reason: { zh: '演示数据：调度员指派', en: 'Demo data: assigned by the dispatcher' } },
  );
  if (demo.plan === 'cancelled') {
    await services.repairWorkflow.cancel(who.dispatcher, orderId, '客户来电取消：已自行解决');
    return;
  }
  const target = demo.plan === 'needs_parts' ? 'on_site' : demo.plan;
  const reach = STEPS.indexOf(target);
  if (reach >= 1) await services.repairWorkflow.technicianEvent(tech, orderId, 'accept');
  if (reach >= 2) await services.repairWorkflow.technicianEvent(tech, orderId, 'depart');
  if (reach >= 3) await services.repairWorkflow.technicianEvent(tech, orderId, 'arrive');
  if (demo.plan === 'needs_parts') {
    await services.visits.recordVisit(tech, orderId, {
      notes: '电机烧毁，锁体需整体更换，已向仓库申请配件',
      parts: [],
      feeFen: 0,
    });
    await services.repairWorkflow.technicianEvent(tech, orderId, 'parts_needed');
    return;
  }
  if (reach >= 4) {
    await services.visits.recordVisit(tech, orderId, {
      notes: '更换自动上锁感应磁铁，调整门扣位置，测试 20 次开关正常',
      parts: [{ name: '门磁感应器', quantity: 1, priceFen: 3_500 }],
      feeFen: 5_000,
    });
    await services.repairWorkflow.technicianEvent(tech, orderId, 'complete');
  }
  if (reach >= 5) await services.repairCustomers.confirm(token, { rating: 5, comment: '师傅很专业，准时上门' });
}

/** The working day before `today` (Asia/Shanghai), by the business calendar (weekends, holidays, 调休). */
export function previousWorkingDay(today: string): string {
  const calendar = createBusinessCalendar();
  let at = Date.parse(`${today}T12:00:00+08:00`);
  for (let i = 0; i < 30; i++) {
    at -= 86_400_000;
    const day = shanghaiDay(new Date(at));
    if (calendar.isWorkingDay(day)) return day;
  }
  throw new Error(`no working day in the 30 days before ${today}`);
}

/**
 * The demo's SLA breach: a customer called on the previous working afternoon for a visit today, the dispatcher
 * assigned the order at 14:00 and the technician never accepted. Intake and assignment run through the services on
 * a clock set to those times, so the response timer, its job and the audit rows are what they would have been; the
 * seed's job run then records the breach and escalates it to the dispatcher, the outlet manager and the brand.
 */
async function seedBreach(
  deps: ServiceSeedDeps,
  servicesOffsetBy: (offsetMs: number) => Services,
  today: string,
  technicianId: string,
  who: { readonly agent: Actor; readonly dispatcher: Actor },
): Promise<string> {
  const day = previousWorkingDay(today);
  const at = (clock: string) => servicesOffsetBy(Date.parse(`${day}T${clock}:00+08:00`) - deps.now().getTime());
  const { order } = await at('13:40').repairOrders.intake(who.agent, {
    channel: 'phone',
    customer: DEMO_BREACH.customer,
    areaText: DEMO_BREACH.areaText,
    productLine: DEMO_BREACH.productLine,
    faultCategory: DEMO_BREACH.fault,
    description: DEMO_BREACH.description,
    preferredDate: today,
    preferredSlot: DEMO_BREACH.slot,
  });
  await at('14:00').dispatch.manualAssign(who.dispatcher, order.id, {
    technicianId,
    date: today,
    slot: DEMO_BREACH.slot,
    reason: '客户指定黄师傅上门',
  });
  return order.id;
}

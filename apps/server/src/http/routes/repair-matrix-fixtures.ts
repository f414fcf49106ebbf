import { rolesAllow, type Role } from '@proofdesk/domain';
import type { TestApp } from '../test-app.js';
import { testJpeg } from '../test-app.js';

/** Repair orders in the states the authorisation matrix's samples need, and what they point at. */
export interface RepairFixtures {
  /** On site, assigned to the test app's technician user: detail, reveal, visit, media. */
  readonly onSiteId: string;
  /** Assigned to that technician and not yet accepted: the technician's `accept`. */
  readonly assignedId: string;
  /** Reported, in the covered county with a matching skill: automatic dispatch. */
  readonly reportedId: string;
  /** Reported: manual assignment. */
  readonly toAssignId: string;
  readonly technicianId: string;
  readonly mediaId: string;
  readonly escalationId: string;
  /** Status-link tokens: any order; a completed one to confirm; a reported one to cancel. */
  readonly statusToken: string;
  readonly completedToken: string;
  readonly cancellableToken: string;
}

type Sample = {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly upload?: boolean;
};

const INTAKE = {
  customer: { name: '张三', phone: '13812345678', address: '新市坝镇 1 号' },
  areaCode: '513435',
  productLine: '智能门锁 X1',
  faultCategory: 'motor_jammed',
  description: '电机卡死',
  preferredDate: '2026-11-02',
  preferredSlot: 'morning',
} as const;

/** A valid request for each repair-order route (see the matrix's SAMPLES). */
export const REPAIR_SAMPLES: Readonly<Record<string, (f: { readonly repair: RepairFixtures }) => Sample>> = {
  'GET /repair-orders': () => ({ query: { status: 'on_site' } }),
  'POST /repair-orders': () => ({ body: { ...INTAKE, channel: 'phone' } }),
  'GET /repair-orders/:id': (f) => ({ params: { id: f.repair.onSiteId } }),
  'GET /repair-orders/:id/dispatch-candidates': (f) => ({ params: { id: f.repair.reportedId } }),
  'POST /repair-orders/:id/dispatch': (f) => ({ params: { id: f.repair.reportedId }, body: {} }),
  'POST /repair-orders/:id/assign': (f) => ({
    params: { id: f.repair.toAssignId },
    body: { technicianId: f.repair.technicianId, date: '2026-11-03', slot: 'afternoon', reason: '客户要求' },
  }),
  'POST /repair-orders/:id/events': (f) => ({ params: { id: f.repair.assignedId }, body: { event: 'accept' } }),
  'PUT /repair-orders/:id/visit': (f) => ({
    params: { id: f.repair.onSiteId },
    body: { notes: '更换电机', parts: [{ name: '电机', quantity: 1, priceFen: 8000 }], feeFen: 3000 },
  }),
  'POST /repair-orders/:id/visit/media': (f) => ({ params: { id: f.repair.onSiteId }, upload: true }),
  'GET /repair-orders/:id/visit/media': (f) => ({ params: { id: f.repair.onSiteId } }),
  'GET /repair-orders/:id/visit/media/:mediaId': (f) => ({
    params: { id: f.repair.onSiteId, mediaId: f.repair.mediaId },
  }),
  'POST /repair-orders/:id/contact/reveal': (f) => ({ params: { id: f.repair.onSiteId }, body: {} }),
  'GET /service/availability': () => ({
    query: {
      areaCode: '513435',
      productLine: '智能门锁 X1',
      faultCategory: 'motor_jammed',
      from: '2026-11-02',
      to: '2026-11-04',
    },
  }),
  'GET /service/escalations': () => ({ query: { open: 'true' } }),
  'POST /service/escalations/:id/ack': (f) => ({ params: { id: f.repair.escalationId } }),
  'POST /public/workspaces/:slug/repair-orders': () => ({ params: { slug: 'acme' }, body: INTAKE }),
  'GET /public/workspaces/:slug/availability': () => ({
    params: { slug: 'acme' },
    query: {
      areaCode: '513435',
      productLine: '智能门锁 X1',
      faultCategory: 'motor_jammed',
      from: '2026-11-02',
      to: '2026-11-02',
    },
  }),
  'GET /public/repair-orders/:token': (f) => ({ params: { token: f.repair.statusToken } }),
  'POST /public/repair-orders/:token/confirm': (f) => ({
    params: { token: f.repair.completedToken },
    body: { rating: 5 },
  }),
  'POST /public/repair-orders/:token/cancel': (f) => ({ params: { token: f.repair.cancellableToken }, body: {} }),
};

/**
 * Routes whose service narrows the route's permission by what is asked (the route admits every role that can
 * take part): who may succeed with the sample. The others are refused 403 by the service.
 */
export const NARROWED: Readonly<Record<string, (role: Role) => boolean>> = {
  // The sample is a technician's step (`accept`): service.work.
  'POST /repair-orders/:id/events': (role) => rolesAllow([role], 'service.work'),
  // service.contact_reveal, or the technician assigned to the order (the sample's order is theirs).
  'POST /repair-orders/:id/contact/reveal': (role) =>
    rolesAllow([role], 'service.contact_reveal') || role === 'technician',
};

/**
 * Creates the repair fixtures in the test app's workspace: an outlet of its own covering 甘洛县 (the network samples
 * deactivate theirs), a technician who is the `technician` user, and orders walked to the states above.
 */
export async function createRepairFixtures(h: TestApp): Promise<RepairFixtures> {
  const s = h.services;
  const admin = h.actors.admin;
  const techUser = h.actors.technician;
  if (techUser.kind !== 'user') throw new Error('a technician user expected');
  const outlet = await s.outlets.createOutlet(admin, { name: '甘洛维修站', address: '甘洛县', areaCode: '513435' });
  await s.coverage.replaceCoverage(admin, outlet.id, [{ code: '513435', mode: 'include' }]);
  const technician = await s.technicians.createTechnician(admin, {
    name: '王师傅',
    phone: '13900002222',
    homeOutletId: outlet.id,
    userId: techUser.userId,
    skills: { productLines: ['智能门锁 X1'], faultCategories: ['motor_jammed'] },
  });
  const intake = async () => s.repairOrders.intake(admin, { ...INTAKE, channel: 'phone' });
  const assign = (id: string) =>
    s.repairWorkflow.assign(
      admin,
      id,
      { technicianId: technician.id, date: '2026-11-02', slot: 'evening' },
      { mode: 'manual' },
    );
  const onSite = await intake();
  await assign(onSite.order.id);
  for (const event of ['accept', 'depart', 'arrive'] as const)
    await s.repairWorkflow.technicianEvent(admin, onSite.order.id, event);
  const media = await s.visits.addMedia(admin, onSite.order.id, {
    filename: 'lock.jpg',
    source: [await testJpeg(30, 60, 90)],
    maxBytes: 1 << 20,
  });
  const assigned = await intake();
  await assign(assigned.order.id);
  const reported = await intake();
  const toAssign = await intake();
  const completed = await intake();
  await assign(completed.order.id);
  for (const event of ['accept', 'depart', 'arrive', 'complete'] as const)
    await s.repairWorkflow.technicianEvent(admin, completed.order.id, event);
  const cancellable = await intake();
  const at = new Date(h.clock.nowMs()).toISOString();
  const escalationId = `esc-${onSite.order.id}`;
  await h.t.db.kysely
    .insertInto('sla_escalations')
    .values({
      id: escalationId,
      workspace_id: h.workspaceId,
      order_id: onSite.order.id,
      timer_kind: 'response',
      timer_started_at: at,
      level: 'dispatcher',
      recipient_role: 'dispatcher',
      recipient_user_id: null,
      message_zh: '响应超时',
      message_en: 'Response breached',
      due_at: at,
      created_at: at,
      acked_at: null,
      acked_by: null,
    })
    .execute();
  return {
    onSiteId: onSite.order.id,
    assignedId: assigned.order.id,
    reportedId: reported.order.id,
    toAssignId: toAssign.order.id,
    technicianId: technician.id,
    mediaId: media.id,
    escalationId,
    statusToken: onSite.statusToken,
    completedToken: completed.statusToken,
    cancellableToken: cancellable.statusToken,
  };
}

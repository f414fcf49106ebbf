import { rolesAllow, type Role } from '@proofdesk/domain';
import type { TestApp } from '../test-app.js';
import type { RepairFixtures } from './repair-matrix-fixtures.js';

/** Complaints in the states the authorisation matrix's samples need. */
export interface ComplaintFixtures {
  /** Open, filed by the hotline against the on-site order: detail, contacts, acknowledge. */
  readonly openId: string;
  /** Filed by the customer through the on-site order's status link and resolved: confirm, then reopen. */
  readonly resolvedOfOrderId: string;
  /** The status link of that order. */
  readonly orderToken: string;
  /** Resolved, reached through its own link: confirm, then reopen. */
  readonly resolvedLinkToken: string;
}

type Sample = {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
};

/** A valid request for each complaint route (see the matrix's SAMPLES). Confirm runs before reopen (table order). */
export const COMPLAINT_SAMPLES: Readonly<
  Record<string, (f: { readonly complaints: ComplaintFixtures; readonly repair: RepairFixtures }) => Sample>
> = {
  'GET /complaints': () => ({ query: { open: 'true' } }),
  'POST /complaints': (f) => ({
    body: { subjectType: 'repair_order', subjectId: f.repair.onSiteId, channel: 'hotline', description: '师傅迟到' },
  }),
  'GET /complaints/report/rates': () => ({ query: { days: '30' } }),
  'GET /complaints/:id': (f) => ({ params: { id: f.complaints.openId } }),
  'POST /complaints/:id/contacts': (f) => ({
    params: { id: f.complaints.openId },
    body: { kind: 'call', notes: '已回电' },
  }),
  'POST /complaints/:id/contact/reveal': (f) => ({ params: { id: f.complaints.openId } }),
  'POST /complaints/:id/events': (f) => ({ params: { id: f.complaints.openId }, body: { event: 'acknowledge' } }),
  'GET /public/repair-orders/:token/complaints': (f) => ({ params: { token: f.complaints.orderToken } }),
  'POST /public/repair-orders/:token/complaints': (f) => ({
    params: { token: f.complaints.orderToken },
    body: { description: '门锁仍然打不开' },
  }),
  'POST /public/repair-orders/:token/complaints/:complaintId/confirm': (f) => ({
    params: { token: f.complaints.orderToken, complaintId: f.complaints.resolvedOfOrderId },
    body: {},
  }),
  'POST /public/repair-orders/:token/complaints/:complaintId/reopen': (f) => ({
    params: { token: f.complaints.orderToken, complaintId: f.complaints.resolvedOfOrderId },
    body: { comment: '没有解决' },
  }),
  'GET /public/complaints/:token': (f) => ({ params: { token: f.complaints.resolvedLinkToken } }),
  'POST /public/complaints/:token/confirm': (f) => ({ params: { token: f.complaints.resolvedLinkToken }, body: {} }),
  'POST /public/complaints/:token/reopen': (f) => ({
    params: { token: f.complaints.resolvedLinkToken },
    body: { comment: '没有解决' },
  }),
};

/** Filing is open to any workspace principal by route; the service asks service.intake for the hotline channel. */
export const COMPLAINT_NARROWED: Readonly<Record<string, (role: Role) => boolean>> = {
  'POST /complaints': (role) => rolesAllow([role], 'service.intake'),
};

export async function createComplaintFixtures(h: TestApp, repair: RepairFixtures): Promise<ComplaintFixtures> {
  const { complaints } = h.services;
  const agent = h.actors.agent;
  const dispatcher = h.actors.dispatcher;
  const open = await complaints.file(agent, {
    subjectType: 'repair_order',
    subjectId: repair.onSiteId,
    channel: 'hotline',
    description: '师傅迟到两小时',
    contact: { name: '王芳', phone: '13911112222' },
  });
  const resolve = async (id: string) => {
    await complaints.applyEvent(dispatcher, id, { event: 'acknowledge' });
    await complaints.applyEvent(dispatcher, id, { event: 'resolve', resolution: '已致歉并减免上门费', upheld: true });
  };
  const ofOrder = await complaints.fileByCustomer(repair.statusToken, { description: '师傅态度差' });
  await resolve(ofOrder.complaint.id);
  const linked = await complaints.file(agent, {
    subjectType: 'technician',
    subjectId: repair.technicianId,
    channel: 'hotline',
    description: '师傅未出示工牌',
  });
  await resolve(linked.complaint.id);
  return {
    openId: open.complaint.id,
    resolvedOfOrderId: ofOrder.complaint.id,
    orderToken: repair.statusToken,
    resolvedLinkToken: linked.linkToken,
  };
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DEFAULT_INSPECTION_FEE_POLICY,
  DEFAULT_SLA_POLICY,
  DEFAULT_SLOT_SETTINGS,
  DEFAULT_WORKSPACE_POLICY,
  ROLES,
  rolesAllow,
  type Role,
} from '@proofdesk/domain';
import type { InjectOptions } from 'fastify';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { API_PREFIX, type ApiRoute } from './route.js';
import { createTestApp, multipartFile, TEST_PASSWORD, testJpeg, type Credentials, type TestApp } from './test-app.js';
import {
  createRepairFixtures,
  NARROWED,
  REPAIR_SAMPLES,
  type RepairFixtures,
} from './routes/repair-matrix-fixtures.js';
import { createPlanFixtures, PLAN_SAMPLES, type PlanFixtures } from './routes/plans.routes.fixtures.js';
import { createNotifyFixtures, NOTIFY_SAMPLES, type NotifyFixtures } from './routes/notifications.routes.fixtures.js';
import { createFeedFixtures, FEED_SAMPLES, type FeedFixtures } from './routes/feeds.routes.fixtures.js';
import {
  COMPLAINT_NARROWED,
  COMPLAINT_SAMPLES,
  createComplaintFixtures,
  type ComplaintFixtures,
} from './routes/complaints.routes.fixtures.js';

/** Ids of one of everything in the workspace under test. */
interface Fixtures {
  readonly productId: string;
  readonly referencePhotoId: string;
  readonly orderId: string;
  readonly buyerId: string;
  readonly claimId: string;
  /** Claims waiting for the step of the route that names them. */
  readonly awaitingMerchantId: string;
  readonly inReviewId: string;
  readonly rejectedId: string;
  readonly rejectedToFinaliseId: string;
  readonly submittedId: string;
  readonly evidenceId: string;
  readonly userId: string;
  readonly apiKeyId: string;
  readonly deadJobId: string;
  readonly jpeg: Buffer;
  /** The buyer link of a rejected claim (the buyer's appeal needs a decision to appeal against). */
  readonly buyerOfRejected: Credentials;
  readonly outletId: string;
  readonly technicianId: string;
  readonly repair: RepairFixtures;
  readonly plans: PlanFixtures;
  readonly notify: NotifyFixtures;
  /** A registered hotline (official-channel verification). */
  readonly officialChannelId: string;
  readonly complaints: ComplaintFixtures;
  readonly feeds: FeedFixtures;
}

interface Sample {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly upload?: boolean;
  /** The multipart field of the upload (default `file`). */
  readonly uploadField?: string;
  /** The buyer's credentials for this route, when its link must name a claim in another state. */
  readonly asBuyer?: Credentials;
}

let unique = 0;
const next = () => `${Date.now().toString(36)}-${unique++}`;

/**
 * A valid request for every route in the table. A route without a sample fails the matrix: a route added later
 * cannot skip its authorisation checks.
 */
const SAMPLES: Readonly<Record<string, (f: Fixtures) => Sample>> = {
  'POST /auth/sign-in': () => ({ body: { email: 'dispatcher@example.com', password: TEST_PASSWORD } }),
  'POST /auth/sign-out': () => ({}),
  'GET /auth/me': () => ({}),
  'GET /users': () => ({}),
  'POST /users': () => ({
    body: { email: `u-${next()}@example.com`, displayName: '新用户', password: 'long-password-1', roles: ['agent'] },
  }),
  'PUT /users/:id/roles': (f) => ({ params: { id: f.userId }, body: { roles: ['dispatcher'] } }),
  'POST /users/:id/disable': (f) => ({ params: { id: f.userId } }),
  'GET /api-keys': () => ({}),
  'POST /api-keys': () => ({ body: { name: `key ${next()}`, roles: ['agent'] } }),
  'DELETE /api-keys/:id': (f) => ({ params: { id: f.apiKeyId } }),
  'GET /workspace': () => ({}),
  'GET /workspace/policy': () => ({}),
  'PUT /workspace/policy': () => ({ body: { ...DEFAULT_WORKSPACE_POLICY, merchantResponseHours: 24 } }),
  'GET /audit/events': () => ({ query: { limit: '5' } }),
  'GET /audit/verify': () => ({}),
  'GET /jobs/dead': () => ({}),
  'POST /jobs/:id/requeue': (f) => ({ params: { id: f.deadJobId } }),
  'GET /products': () => ({}),
  'POST /products': () => ({ body: { sku: `SKU-${next()}`, name: '智能门锁 X2' } }),
  'GET /products/:id': (f) => ({ params: { id: f.productId } }),
  'GET /products/:id/photos': (f) => ({ params: { id: f.productId } }),
  'POST /products/:id/photos': (f) => ({ params: { id: f.productId }, upload: true }),
  'GET /reference-photos/:id/image': (f) => ({ params: { id: f.referencePhotoId } }),
  'DELETE /reference-photos/:id': (f) => ({ params: { id: f.referencePhotoId } }),
  'GET /orders': () => ({}),
  'POST /orders': () => ({ body: { platform: 'jd', platformOrderId: `JD-${next()}`, amountFen: 9900 } }),
  'GET /orders/:id': (f) => ({ params: { id: f.orderId } }),
  'GET /orders/:id/photos': (f) => ({ params: { id: f.orderId } }),
  'POST /orders/:id/photos': (f) => ({ params: { id: f.orderId }, upload: true }),
  'GET /buyers': () => ({ query: { phone: '+86 138 0013 8000' } }),
  'GET /buyers/:id': (f) => ({ params: { id: f.buyerId } }),
  'GET /buyers/:id/claims': (f) => ({ params: { id: f.buyerId } }),
  'POST /buyers/:id/contact/reveal': (f) => ({ params: { id: f.buyerId } }),
  'GET /buyers/:id/credit': (f) => ({ params: { id: f.buyerId } }),
  'GET /claims/:id/buyer-credit': (f) => ({ params: { id: f.claimId } }),
  'GET /claims/:id/evidence-package': (f) => ({ params: { id: f.claimId }, query: { format: 'zip' } }),
  'GET /workspace/package-signing-key': () => ({}),
  'GET /trust/flagged-buyers': () => ({}),
  'GET /trust/settings': () => ({}),
  'PUT /trust/settings': () => ({ body: { shareSignals: false } }),
  'GET /claims': () => ({ query: { flagged: 'false' } }),
  'POST /claims': (f) => ({ body: { orderId: f.orderId, type: 'refund_only', reason: '面板裂了', amountFen: 100 } }),
  'GET /claims/:id': (f) => ({ params: { id: f.claimId } }),
  'POST /claims/:id/buyer-link': (f) => ({ params: { id: f.claimId }, body: { expiresInHours: 24 } }),
  'GET /claims/:id/evidence': (f) => ({ params: { id: f.claimId } }),
  'POST /claims/:id/evidence': (f) => ({ params: { id: f.claimId }, upload: true }),
  'POST /claims/:id/counter-evidence': (f) => ({ params: { id: f.claimId }, upload: true }),
  'GET /claims/:id/evidence/:evidenceId': (f) => ({ params: { id: f.claimId, evidenceId: f.evidenceId } }),
  'GET /claims/:id/evidence/:evidenceId/image': (f) => ({ params: { id: f.claimId, evidenceId: f.evidenceId } }),
  'POST /claims/:id/response': (f) => ({
    params: { id: f.awaitingMerchantId },
    body: { statement: '包装完好', accept: false },
  }),
  'POST /claims/:id/decision': (f) => ({
    params: { id: f.inReviewId },
    body: { outcome: 'rejected', reasonCode: 'evidence_forged' },
  }),
  'POST /claims/:id/appeal': (f) => ({ params: { id: f.rejectedId }, body: { reason: '有新证据' } }),
  'POST /claims/:id/finalise': (f) => ({ params: { id: f.rejectedToFinaliseId } }),
  'POST /claims/:id/withdraw': (f) => ({ params: { id: f.submittedId } }),
  'GET /buyer/claim': () => ({}),
  'POST /buyer/claim/evidence': () => ({ upload: true }),
  'POST /buyer/claim/appeal': (f) => ({ body: { reason: '我有新的照片证据' }, asBuyer: f.buyerOfRejected }),
  'POST /check': () => ({ upload: true, uploadField: 'photo' }),
  'POST /check/html': () => ({ upload: true, uploadField: 'photo' }),
  'POST /areas/resolve': () => ({ body: { names: ['凉山甘洛县'] } }),
  'GET /areas/:code': () => ({ params: { code: '513435' } }),
  'GET /outlets': () => ({}),
  'POST /outlets': () => ({ body: { name: `网点 ${next()}`, address: '甘洛县', areaCode: '513435' } }),
  'GET /outlets/:id': (f) => ({ params: { id: f.outletId } }),
  'PATCH /outlets/:id': (f) => ({ params: { id: f.outletId }, body: { address: '甘洛县新市坝镇' } }),
  'DELETE /outlets/:id': (f) => ({ params: { id: f.outletId } }),
  'GET /outlets/:id/coverage': (f) => ({ params: { id: f.outletId } }),
  'PUT /outlets/:id/coverage': (f) => ({
    params: { id: f.outletId },
    body: { rules: [{ code: '513435', mode: 'include' }] },
  }),
  'POST /outlets/:id/coverage/import': (f) => ({
    params: { id: f.outletId },
    body: { text: '凉山甘洛县', apply: false },
  }),
  'GET /technicians': () => ({}),
  'POST /technicians': (f) => ({
    body: {
      name: '王师傅',
      phone: '13800135678',
      homeOutletId: f.outletId,
      skills: { productLines: [], faultCategories: [] },
    },
  }),
  'GET /technicians/:id': (f) => ({ params: { id: f.technicianId } }),
  'PATCH /technicians/:id': (f) => ({ params: { id: f.technicianId }, body: { rating: 4.5 } }),
  'DELETE /technicians/:id': (f) => ({ params: { id: f.technicianId } }),
  'POST /technicians/:id/phone/reveal': (f) => ({ params: { id: f.technicianId } }),
  'GET /technicians/:id/calendar': (f) => ({ params: { id: f.technicianId } }),
  'PUT /technicians/:id/calendar': (f) => ({ params: { id: f.technicianId }, body: { off: ['2026-11-05'], on: [] } }),
  'GET /service/settings': () => ({}),
  'PUT /service/settings': () => ({
    body: {
      slots: DEFAULT_SLOT_SETTINGS,
      sla: DEFAULT_SLA_POLICY,
      inspection: DEFAULT_INSPECTION_FEE_POLICY,
      productLines: ['智能门锁 X1'],
    },
  }),
  'GET /service/calendar': () => ({ query: { from: '2026-10-01', to: '2026-10-08' } }),
  ...REPAIR_SAMPLES,
  'GET /official-channels': () => ({}),
  'POST /official-channels': () => ({
    body: { kind: 'hotline', value: `400${9_000_000 + Number(next().split('-')[1])}`, label: '全国服务热线' },
  }),
  'PATCH /official-channels/:id': (f) => ({ params: { id: f.officialChannelId }, body: { label: '售后热线' } }),
  'GET /official-channels/queries/summary': () => ({ query: { days: '7' } }),
  'POST /repair-orders/:id/technician-code': (f) => ({ params: { id: f.repair.onSiteId } }),
  'POST /public/workspaces/:slug/verify': () => ({ params: { slug: 'acme' }, body: { input: '400-186-5909' } }),
  'GET /public/workspaces/:slug/official-channels': () => ({ params: { slug: 'acme' }, query: { areaCode: '513435' } }),
  ...COMPLAINT_SAMPLES,
  ...PLAN_SAMPLES,
  ...NOTIFY_SAMPLES,
  ...FEED_SAMPLES,
};

/** Routes over data shared by every workspace (China's divisions): another workspace reads the same, no 404. */
// A serial is keyed by the workspace: another workspace's PUT registers its own (plans.routes.test checks the first is untouched).
const SHARED_DATA_ROUTES = new Set(['GET /areas/:code', 'PUT /care/serials/:serial']);

function request(route: ApiRoute, sample: Sample, f: Fixtures, credentials: Credentials): InjectOptions {
  const path = route.url.replace(/:(\w+)/g, (_, name: string) => sample.params?.[name] ?? `missing-${name}`);
  const query = sample.query ? `?${new URLSearchParams(sample.query).toString()}` : '';
  const base = { method: route.method, url: `${API_PREFIX}${path}${query}` };
  if (sample.upload) {
    const form = multipartFile('photo.jpg', f.jpeg, 'image/jpeg', sample.uploadField);
    return { ...base, headers: { ...credentials, ...form.headers }, payload: form.payload };
  }
  return {
    ...base,
    headers: credentials,
    ...(sample.body === undefined ? {} : { payload: sample.body as Record<string, unknown> }),
  };
}

type Principal = Role | 'api_key_agent' | 'buyer';

function allowed(route: ApiRoute, who: Principal): boolean {
  const narrowed = NARROWED[`${route.method} ${route.url}`] ?? COMPLAINT_NARROWED[`${route.method} ${route.url}`];
  if (narrowed) return who !== 'buyer' && narrowed(who === 'api_key_agent' ? 'agent' : who);
  if (route.access === 'public') return true;
  if (route.access === 'session') return who !== 'api_key_agent' && who !== 'buyer';
  if (who === 'buyer') return route.access === 'claim.buyer';
  return rolesAllow([who === 'api_key_agent' ? 'agent' : who], route.access);
}

for (const dialect of TEST_DIALECTS) {
  describe(`authorisation matrix over the route table on ${dialect}`, () => {
    let h: TestApp;
    let f: Fixtures;
    const credentials = {} as Record<Principal, Credentials>;

    before(async () => {
      h = await createTestApp(dialect);
      const admin = h.actors.admin;
      const s = h.services;
      const jpeg = await testJpeg();
      const product = await s.catalogue.createProduct(admin, { sku: 'LOCK-X1', name: '智能门锁 X1' });
      const photo = await s.catalogue.addReferencePhoto(
        admin,
        { kind: 'listing', productId: product.id },
        { filename: 'listing.jpg', source: [await testJpeg(20, 200, 90)], maxBytes: 1 << 20 },
      );
      const order = await s.orders.createOrder(admin, {
        platform: 'taobao',
        platformOrderId: 'TB-1001',
        productId: product.id,
        amountFen: 19_900,
        buyer: { accountId: 'tb-buyer-1', contact: { name: '张三', phone: '13800138000', address: '海口市龙华区' } },
      });
      const claim = await s.claims.createClaim(admin, {
        orderId: order.id,
        type: 'refund_only',
        reason: '门锁面板有裂痕',
        amountFen: 19_900,
      });
      const evidence = await s.evidence.addEvidence(
        admin,
        claim.id,
        { filename: 'crack.jpg', source: [jpeg], maxBytes: 1 << 20 },
        'buyer',
      );
      const claimFor = async (withEvidence: boolean, colour: number) => {
        const c = await s.claims.createClaim(admin, {
          orderId: order.id,
          type: 'return_refund',
          reason: '锁体有划痕',
          amountFen: 19_900,
        });
        if (withEvidence)
          await s.evidence.addEvidence(
            admin,
            c.id,
            { filename: 'scratch.jpg', source: [await testJpeg(colour, 90, 40)], maxBytes: 1 << 20 },
            'buyer',
          );
        return c.id;
      };
      const [awaitingMerchantId, inReviewId, rejectedId, rejectedToFinaliseId, submittedId, rejectedForBuyerId] = [
        await claimFor(true, 30),
        await claimFor(true, 60),
        await claimFor(true, 120),
        await claimFor(true, 150),
        await claimFor(false, 0),
        await claimFor(true, 210),
      ];
      await h.runJobs();
      for (const id of [inReviewId, rejectedId, rejectedToFinaliseId, rejectedForBuyerId])
        await s.claims.merchantRespond(admin, id, { statement: '发货前已检查', accept: false });
      for (const id of [rejectedId, rejectedToFinaliseId, rejectedForBuyerId])
        await s.claims.decide(admin, id, { outcome: 'rejected', reasonCode: 'evidence_forged' });
      const status = async (id: string) => (await s.claims.getClaim(admin, id)).status;
      assert.deepEqual(await Promise.all([awaitingMerchantId, inReviewId, rejectedId, submittedId].map(status)), [
        'awaiting_merchant',
        'in_review',
        'rejected',
        'submitted',
      ]);
      const victim = await s.users.createUser(admin, {
        email: 'victim@example.com',
        displayName: '师傅',
        password: 'long-password-1',
        roles: ['technician'],
      });
      const key = await s.apiKeys.createApiKey(admin, { name: 'to revoke', roles: ['agent'] });
      const agentKey = await s.apiKeys.createApiKey(admin, { name: '平台对接', roles: ['agent'] });
      const ids = new Uuid7IdGenerator(h.clock);
      const deadJobId = await h.t.db.kysely
        .transaction()
        .execute((trx) =>
          enqueueJob(
            trx,
            ids,
            { kind: 'analyse_evidence', workspaceId: h.workspaceId, evidenceId: evidence.id },
            { runAt: new Date(h.clock.nowMs()).toISOString() },
          ),
        );
      await h.t.db.kysely.updateTable('jobs').set({ status: 'dead' }).where('id', '=', deadJobId).execute();
      assert.ok(order.buyerId);
      const outlet = await s.outlets.createOutlet(admin, { name: '甘洛网点', address: '甘洛县', areaCode: '513435' });
      const technician = await s.technicians.createTechnician(admin, {
        name: '李师傅',
        phone: '13900001111',
        homeOutletId: outlet.id,
        skills: { productLines: ['智能门锁 X1'], faultCategories: ['motor_jammed'] },
      });
      const repair = await createRepairFixtures(h);
      f = {
        productId: product.id,
        referencePhotoId: photo.id,
        orderId: order.id,
        buyerId: order.buyerId,
        claimId: claim.id,
        awaitingMerchantId,
        inReviewId,
        rejectedId,
        rejectedToFinaliseId,
        submittedId,
        evidenceId: evidence.id,
        userId: victim.id,
        apiKeyId: key.apiKey.id,
        deadJobId,
        jpeg,
        buyerOfRejected: {
          authorization: `Buyer ${(await s.auth.issueBuyerLink(admin, rejectedForBuyerId)).token}`,
        },
        outletId: outlet.id,
        technicianId: technician.id,
        officialChannelId: (
          await s.officialChannels.createChannel(admin, { kind: 'hotline', value: '400-186-5909', label: '热线' })
        ).id,
        repair,
        plans: await createPlanFixtures(h),
        complaints: await createComplaintFixtures(h, repair),
        notify: await createNotifyFixtures(h),
        feeds: await createFeedFixtures(h),
      };
      for (const role of ROLES) credentials[role] = h.as[role];
      credentials.api_key_agent = { authorization: `Bearer ${agentKey.key}` };
      const link = await s.auth.issueBuyerLink(admin, claim.id);
      credentials.buyer = { authorization: `Buyer ${link.token}` };
    });
    after(() => h.dispose());

    it('has a sample request for every route in the table', () => {
      const missing = h.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((k) => !(k in SAMPLES));
      assert.deepEqual(missing, [], 'add a sample to SAMPLES for each new route');
      assert.ok(h.app.apiRoutes.length >= 45, `${h.app.apiRoutes.length} routes`);
    });

    it('answers 401 without credentials, 403 to every principal without the permission, 404 for another workspace, and lets the rest through with at least one success per route', async () => {
      const problems: string[] = [];
      // Sign-out ends the session it is called with: run it last.
      const routes = [...h.app.apiRoutes].sort(
        (a, b) => Number(a.url === '/auth/sign-out') - Number(b.url === '/auth/sign-out'),
      );
      const principals = [...ROLES, 'api_key_agent', 'buyer'] as const;
      const succeeded = new Set<string>();
      const check = async (route: ApiRoute, who: string, creds: Credentials, expect: (s: number) => boolean) => {
        const key = `${route.method} ${route.url}`;
        const sample = SAMPLES[key]?.(f);
        if (!sample) return;
        const res = await h.app.inject(request(route, sample, f, who === 'buyer' ? (sample.asBuyer ?? creds) : creds));
        if (res.statusCode < 300) succeeded.add(key);
        if (!expect(res.statusCode)) problems.push(`${key} as ${who}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      };
      // Refusals first: they change nothing, so every id still exists when it is tried.
      for (const route of routes) {
        if (route.access === 'public') continue;
        await check(route, 'nobody', {}, (s) => s === 401);
        for (const who of principals)
          if (!allowed(route, who)) await check(route, who, credentials[who], (s) => s === 403);
        if (
          route.url.includes(':') &&
          route.access !== 'session' &&
          route.access !== 'claim.buyer' &&
          !SHARED_DATA_ROUTES.has(`${route.method} ${route.url}`)
        )
          await check(route, 'an admin of another workspace', h.as.outsider, (s) => s === 404);
      }
      for (const route of routes)
        for (const who of principals)
          if (allowed(route, who))
            await check(
              route,
              who,
              credentials[who],
              // A public route answers what it answers (sign-in refuses the sample's wrong password); never a 5xx.
              (s) => (route.access === 'public' || (s !== 401 && s !== 403)) && s < 500,
            );
      assert.deepEqual(problems, []);
      const neverSucceeded = routes.map((r) => `${r.method} ${r.url}`).filter((k) => !succeeded.has(k));
      assert.deepEqual(neverSucceeded, [], 'every route succeeds for some allowed principal with its sample');
    });
  });
}

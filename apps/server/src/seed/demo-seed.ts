/**
 * Seeds the demo workspace into an empty database through the real services (so every row, blob, audit event and
 * analysis is what production would have made), runs the analysis jobs, then applies the follow-ups (merchant
 * responses, decisions, an appeal). Returns the demo users with their generated passwords, which `proofdesk serve`
 * prints once at start-up.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor, Role } from '@proofdesk/domain';
import type { Services } from '../services/index.js';
import type { UserService } from '../services/user.service.js';
import type { WorkspaceService } from '../services/workspace.service.js';
import {
  DEMO_CLAIMS,
  DEMO_DELIVERED_AT,
  DEMO_ORDERED_AT,
  DEMO_PRODUCTS,
  DEMO_SHIPPED_AT,
  DEMO_USERS,
  DEMO_WORKSPACE,
  type DemoUser,
} from './demo-data.js';
import { seedServiceNetwork } from './service-demo-seed.js';
import { seedOfficialChannels } from './official-demo-seed.js';

export interface DemoSeedDeps {
  readonly services: Services;
  readonly workspaces: WorkspaceService;
  readonly users: UserService;
  /** Folder of the demo photos (`apps/server/demo/photos`). */
  readonly photoDir: string;
  /** Runs queued jobs until none is due (the in-process worker's `runUntilIdle`). */
  readonly runJobsUntilIdle: () => Promise<void>;
  /** Password generator; random by default. */
  readonly password?: (user: DemoUser) => string;
  /** The seed's "now" (today's repair orders are booked for its date in Asia/Shanghai); the wall clock by default. */
  readonly now?: () => Date;
  /** The same services on a clock `offsetMs` away (for the demo's SLA breach, which happened earlier). */
  readonly servicesOffsetBy?: (offsetMs: number) => Services;
}

export interface SeededUser {
  readonly email: string;
  readonly password: string;
  readonly roles: readonly Role[];
  readonly displayName: string;
}

export interface DemoSeedResult {
  readonly workspaceId: string;
  readonly users: readonly SeededUser[];
  readonly claimIds: readonly string[];
  /** The service network's demo repair orders (booked for today). */
  readonly repairOrderIds: readonly string[];
}

const randomPassword = (): string => randomBytes(12).toString('base64url');

/** Seeds the demo shop. Call only on an empty database (the slug would conflict otherwise). */
export async function seedDemo(deps: DemoSeedDeps): Promise<DemoSeedResult> {
  const { services, photoDir } = deps;
  const workspace = await deps.workspaces.createWorkspace({ ...DEMO_WORKSPACE });
  const bootstrap: Actor = { kind: 'system', component: 'demo-seed', workspaceId: workspace.id };
  const users: SeededUser[] = [];
  const actors = new Map<DemoUser['key'], Actor>();
  for (const user of DEMO_USERS) {
    const password = deps.password?.(user) ?? randomPassword();
    const view = await deps.users.createUser(bootstrap, {
      email: user.email,
      displayName: user.displayName,
      password,
      roles: user.roles,
    });
    users.push({ email: view.email, password, roles: view.roles, displayName: view.displayName });
    actors.set(user.key, { kind: 'user', userId: view.id, workspaceId: workspace.id, roles: view.roles });
  }
  const agent = actors.get('agent')!;
  const reviewer = actors.get('reviewer')!;
  const photo = async (file: string) => ({
    filename: file,
    source: [await readFile(join(photoDir, file))],
    maxBytes: 50 * 1024 * 1024,
  });

  const productIds = new Map<string, string>();
  for (const product of DEMO_PRODUCTS) {
    const created = await services.catalogue.createProduct(agent, { sku: product.sku, name: product.name });
    productIds.set(product.sku, created.id);
    await services.catalogue.addReferencePhoto(
      agent,
      { kind: 'listing', productId: created.id },
      await photo(product.listingPhoto),
    );
  }

  const claimIds: string[] = [];
  for (const demo of DEMO_CLAIMS) {
    const order = await services.orders.createOrder(agent, {
      platform: demo.platform,
      platformOrderId: demo.platformOrderId,
      productId: productIds.get(demo.sku)!,
      amountFen: DEMO_PRODUCTS.find((p) => p.sku === demo.sku)!.priceFen,
      orderedAt: DEMO_ORDERED_AT,
      shippedAt: DEMO_SHIPPED_AT,
      deliveredAt: DEMO_DELIVERED_AT,
      buyer: {
        accountId: demo.buyer.accountId,
        contact: { name: demo.buyer.name, phone: demo.buyer.phone, address: demo.buyer.address },
      },
    });
    if (demo.packingPhoto)
      await services.catalogue.addReferencePhoto(
        agent,
        { kind: 'packing', orderId: order.id },
        await photo(demo.packingPhoto),
      );
    const claim = await services.claims.createClaim(agent, {
      orderId: order.id,
      type: demo.type,
      reason: demo.reason,
      amountFen: demo.amountFen,
    });
    const buyer: Actor = { kind: 'buyer', claimId: claim.id, workspaceId: workspace.id };
    for (const file of demo.evidence) await services.evidence.addEvidence(buyer, claim.id, await photo(file), 'buyer');
    claimIds.push(claim.id);
    // Analyse claim by claim, so reuse across claims names the earlier one.
    await deps.runJobsUntilIdle();
  }

  for (const [i, demo] of DEMO_CLAIMS.entries()) {
    const claimId = claimIds[i]!;
    const followUp = demo.followUp;
    switch (followUp.kind) {
      case 'none':
        break;
      case 'merchant_accept':
        await services.claims.merchantRespond(agent, claimId, { statement: '同意处理，已安排。', accept: true });
        break;
      case 'merchant_respond':
        if (followUp.counterPhoto)
          await services.evidence.addEvidence(agent, claimId, await photo(followUp.counterPhoto), 'merchant');
        await deps.runJobsUntilIdle();
        await services.claims.merchantRespond(agent, claimId, { statement: followUp.statement, accept: false });
        break;
      case 'reject':
      case 'reject_then_appeal':
        await services.claims.merchantRespond(agent, claimId, {
          statement: '证据照片疑似由商品主图修改或 AI 生成，请审核。',
          accept: false,
        });
        await services.claims.decide(reviewer, claimId, {
          outcome: 'rejected',
          reasonCode: followUp.reasonCode,
          note: followUp.note,
        });
        if (followUp.kind === 'reject_then_appeal') {
          const buyer: Actor = { kind: 'buyer', claimId, workspaceId: workspace.id };
          await services.claims.appeal(buyer, claimId, { reason: followUp.appeal });
        }
        break;
    }
  }
  await deps.runJobsUntilIdle();
  const network = await seedServiceNetwork({
    services,
    workspaceId: workspace.id,
    actors,
    runJobsUntilIdle: deps.runJobsUntilIdle,
    now: deps.now ?? (() => new Date()),
    ...(deps.servicesOffsetBy ? { servicesOffsetBy: deps.servicesOffsetBy } : {}),
  });
  await seedOfficialChannels(services, actors.get('admin')!);
  return { workspaceId: workspace.id, users, claimIds, repairOrderIds: network.orderIds };
}

/** The start-up log's table of demo users (printed once, when the demo is seeded). */
export function formatDemoUsers(users: readonly SeededUser[]): string {
  const lines = users.map(
    (u) => `  ${u.email.padEnd(24)} ${u.password}  ${u.roles.join(',').padEnd(11)} ${u.displayName}`,
  );
  return `演示账号 / Demo users (shown once; change them in the console):\n${lines.join('\n')}\n`;
}

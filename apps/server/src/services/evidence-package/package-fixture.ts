import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '@proofdesk/domain';
import type { Services } from '../index.js';

/** A claim as the package tests, route tests and bench use it. */
export interface SeededClaim {
  readonly claimId: string;
  readonly orderId: string;
  readonly reason: string;
}

/** The demo photos shipped with the server (`apps/server/demo/photos`). */
const DEMO_PHOTO_DIR = fileURLToPath(new URL('../../../demo/photos/', import.meta.url));

const photo = async (file: string) => ({
  filename: file,
  source: [await readFile(join(DEMO_PHOTO_DIR, file))],
  maxBytes: 50 * 1024 * 1024,
});

/**
 * Seeds, through the real services, the demo's stained-lock case: the listing photo of a product, an order to a
 * buyer, a claim whose evidence is that listing photo with a painted stain (and `extraEvidence` more of the same
 * buyer's photos), the merchant's packing photo as counter-evidence and statement, then a reviewer's rejection as
 * `evidence_forged`. Runs the analysis jobs with `runJobs`.
 */
export async function seedForgedClaim(
  services: Services,
  actors: { readonly agent: Actor; readonly reviewer: Actor },
  runJobs: () => Promise<unknown>,
  options: { readonly orderNo?: string; readonly extraEvidence?: readonly Uint8Array[] } = {},
): Promise<SeededClaim> {
  const { agent, reviewer } = actors;
  const orderNo = options.orderNo ?? 'DY7712034598812';
  const product = await services.catalogue.createProduct(agent, {
    sku: `AT-K1-${orderNo}`,
    name: '安途 K1 指纹锁（木门款）',
  });
  await services.catalogue.addReferencePhoto(
    agent,
    { kind: 'listing', productId: product.id },
    await photo('listing-at-k1.jpg'),
  );
  const order = await services.orders.createOrder(agent, {
    platform: 'douyin',
    platformOrderId: orderNo,
    productId: product.id,
    amountFen: 89_900,
    orderedAt: '2026-11-13T21:05:00+08:00',
    shippedAt: '2026-11-14T18:30:00+08:00',
    deliveredAt: '2026-11-16T10:00:00+08:00',
    buyer: { accountId: 'dy_chenjing', contact: { name: '陈静', phone: '13800138004', address: '成都市武侯区' } },
  });
  const reason = '外壳有大片污渍，擦不掉';
  const claim = await services.claims.createClaim(agent, {
    orderId: order.id,
    type: 'refund_only',
    reason,
    amountFen: 89_900,
  });
  const buyer: Actor = { kind: 'buyer', claimId: claim.id, workspaceId: agent.workspaceId };
  await services.evidence.addEvidence(buyer, claim.id, await photo('evidence-forged-4-stain.jpg'), 'buyer');
  for (const [i, bytes] of (options.extraEvidence ?? []).entries())
    await services.evidence.addEvidence(
      buyer,
      claim.id,
      { filename: `extra-${i + 1}.jpg`, source: [bytes], maxBytes: 50 * 1024 * 1024 },
      'buyer',
    );
  await runJobs();
  await services.evidence.addEvidence(agent, claim.id, await photo('packing-at-k1.jpg'), 'merchant');
  await runJobs();
  await services.claims.merchantRespond(agent, claim.id, {
    statement: '出库前拍摄了打包照片，外壳完好；买家照片与我店主图一致且污渍为后期添加，请审核。',
    accept: false,
  });
  await services.claims.decide(reviewer, claim.id, {
    outcome: 'rejected',
    reasonCode: 'evidence_forged',
    note: '证据照片由商品主图修改而来（污渍为后期添加），驳回。',
  });
  return { claimId: claim.id, orderId: order.id, reason };
}

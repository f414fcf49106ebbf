import type { Page } from 'playwright-core';

/** Calls the API with the page's session (cookie, and the CSRF token from /auth/me on unsafe methods). */
export async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken?: string };
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: method === 'GET' ? {} : { 'x-csrf-token': me.csrfToken ?? '' },
    ...(body === undefined ? {} : { data: body }),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Polls `probe` every 250 ms until it answers something (e.g. the worker ran a due SLA job), or fails naming `what`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The day of an instant in Asia/Shanghai (e.g. today by the server's test clock). */
export function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** What {@link fileAnalysedClaim} files: a new buyer's order and refund-only claim with one photo. */
export interface ClaimToFile {
  /** Tags the platform order and buyer account ids, so each run files its own. */
  readonly tag: string;
  readonly reason: string;
  readonly amountFen: number;
  readonly photo: Buffer;
}

/**
 * Files an order and a refund-only claim by a buyer new to the shop, uploads the photo and waits for the analysis
 * (the claim is then with the merchant). Returns the claim id.
 */
export async function fileAnalysedClaim(page: Page, claim: ClaimToFile): Promise<string> {
  const stamp = `${claim.tag}-${Date.now()}`;
  const order = await api<{ id: string }>(page, 'POST', '/orders', {
    platform: 'taobao',
    platformOrderId: `J-${stamp}`,
    amountFen: claim.amountFen,
    buyer: { accountId: `tb_journey_${stamp}` },
  });
  const { id } = await api<{ id: string }>(page, 'POST', '/claims', {
    orderId: order.id,
    type: 'refund_only',
    reason: claim.reason,
    amountFen: claim.amountFen,
  });
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken?: string };
  const upload = await page.request.post(`/api/v1/claims/${id}/evidence`, {
    headers: { 'x-csrf-token': me.csrfToken ?? '' },
    multipart: { file: { name: 'crack.jpg', mimeType: 'image/jpeg', buffer: claim.photo } },
  });
  if (!upload.ok()) throw new Error(`upload: ${upload.status()} ${await upload.text()}`);
  await waitFor('the analysis', async () => {
    const c = await api<{ status: string }>(page, 'GET', `/claims/${id}`);
    return c.status === 'awaiting_merchant' ? c : undefined;
  });
  return id;
}

import type { Page } from 'playwright-core';

/** Calls the API with the page's session (cookie, and the CSRF token from /auth/me on unsafe methods). */
export async function api<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
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

/**
 * Starts the real `proofdesk serve` as a child process on a temporary SQLite data directory, lets it seed the demo
 * shop (12 analysed claims), and reads the demo users' passwords from its start-up log.
 */
import { spawn } from 'node:child_process';
import { createHmac, hkdfSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file compiles to apps/web/dist/node/tests/support/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../../../', import.meta.url));

export interface DemoServer {
  readonly url: string;
  readonly dataDir: string;
  /** email → password of the seeded demo users. */
  readonly passwords: Readonly<Record<string, string>>;
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startDemoServer(timeoutMs = 120_000): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'proofdesk-web-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'apps/server/bin/proofdesk.js'), 'serve', '--port', String(port), '--data', dataDir],
    {
      // info: the demo users' passwords are logged once at that level. A high rate limit: the journeys are one client.
      // PROOFDESK_TEST_CLOCK: the SLA journey (last) moves the server's clock forward to see a breach escalate.
      env: {
        ...process.env,
        PROOFDESK_LOG_LEVEL: 'info',
        PROOFDESK_RATE_LIMIT_PER_MINUTE: '100000',
        PROOFDESK_TEST_CLOCK: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`proofdesk serve exited (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`proofdesk serve was not ready within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const passwords: Record<string, string> = {};
  for (const m of output.replace(/\\n/g, '\n').matchAll(/^\s+(\S+@antu-demo\.cn)\s+(\S+)\s/gm))
    passwords[m[1]!] = m[2]!;
  if (!passwords['reviewer@antu-demo.cn']) throw new Error(`no demo passwords in the start-up log:\n${output}`);
  return {
    url,
    dataDir,
    passwords,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A minimal API session from Node (cookie + CSRF), for setting up what a journey starts from. */
export async function apiSession(server: DemoServer, email: string) {
  const res = await fetch(`${server.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: server.passwords[email] }),
  });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { call };
}

/**
 * A buyer link that expired a minute ago, signed with the server's own key (from its data directory): the only way
 * to see an expired link without waiting, since the API issues links for at least an hour.
 */
export function expiredBuyerToken(server: DemoServer, claimId: string, workspaceId: string): string {
  const keys = JSON.parse(readFileSync(join(server.dataDir, 'keys.json'), 'utf8')) as { hmacKey: string };
  const key = Buffer.from(
    hkdfSync('sha256', Buffer.from(keys.hmacKey, 'base64'), Buffer.alloc(0), 'proofdesk/buyer-link/v1', 32),
  );
  const payload = Buffer.from(JSON.stringify({ c: claimId, w: workspaceId, e: Date.now() - 60_000 })).toString(
    'base64url',
  );
  const mac = createHmac('sha256', key).update(`b1.${payload}`, 'utf8').digest('base64url');
  return `b1.${payload}.${mac}`;
}

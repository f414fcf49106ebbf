/**
 * Starts `proofdesk serve` as a child process on a free port for benchmarks and crash tests, and waits until it
 * answers `/readyz`. The server is a separate process so that the load generator (or the test) never shares its event
 * loop, and so that it can be killed with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { REPO_ROOT } from './paths.js';
import { join } from 'node:path';

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the server wrote, for failure messages. */
  output(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit: the crash the durability test needs. */
  kill9(): Promise<void>;
}

/** A port the kernel says is free right now. */
export async function freePort(): Promise<number> {
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

export interface StartServerOptions {
  readonly dataDir: string;
  readonly database?: string;
  readonly worker?: boolean;
  readonly env?: Readonly<Record<string, string>>;
  readonly readyTimeoutMs?: number;
  /** Flags for node itself, e.g. `--cpu-prof` (written when the server exits on `stop()`). */
  readonly nodeArgs?: readonly string[];
}

/** Starts the real CLI's `serve` and resolves once `/readyz` answers 200. */
export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const port = await freePort();
  const args = [
    ...(options.nodeArgs ?? []),
    join(REPO_ROOT, 'apps', 'server', 'bin', 'proofdesk.js'),
    'serve',
    '--port',
    String(port),
  ];
  args.push('--data', options.dataDir);
  if (options.database) args.push('--database', options.database);
  if (options.worker === false) args.push('--no-worker');
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PROOFDESK_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`proofdesk serve exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`proofdesk serve was not ready within ${options.readyTimeoutMs ?? 60_000} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

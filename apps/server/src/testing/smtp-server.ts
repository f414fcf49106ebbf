import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

/** What the test SMTP server received, as `smtp_capture.py` decoded it. */
export interface CapturedMail {
  readonly mailFrom: string;
  readonly rcptTos: readonly string[];
  /** The header block as it arrived (to see the RFC 2047 encoding of the subject). */
  readonly rawSubject: string;
  readonly subject: string;
  readonly text: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface TestSmtpServer {
  readonly port: number;
  /** Every message received so far. */
  received(): CapturedMail[];
  /** Waits until at least `count` messages arrived (default 5 s). */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  stop(): Promise<void>;
}

/** Debian's python with python3-aiosmtpd (`scripts/install-test-deps.sh`), not a pyenv python on PATH. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

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

async function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts a real SMTP server (aiosmtpd, in its own process) on a free local port that records what it receives.
 * @throws when python3-aiosmtpd is missing or the server does not come up within 10 s
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const dir = mkdtempSync(join(tmpdir(), 'proofdesk-smtp-'));
  const out = join(dir, 'received.jsonl');
  const port = await freePort();
  const handlerDir = join(REPO_ROOT, 'apps/server/src/adapters/notify');
  const child: ChildProcess = spawn(
    SYSTEM_PYTHON,
    ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'smtp_capture.Capture', out],
    {
      env: { ...process.env, PYTHONPATH: handlerDir, PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await accepting(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`aiosmtpd did not start (is python3-aiosmtpd installed?): ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const received = (): CapturedMail[] =>
    existsSync(out)
      ? readFileSync(out, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as CapturedMail)
      : [];
  return {
    port,
    received,
    async waitFor(count, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const mails = received();
        if (mails.length >= count || Date.now() > until) return mails;
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

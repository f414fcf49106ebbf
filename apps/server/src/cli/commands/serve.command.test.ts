import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../config.js';
import type { EmptyDatabaseContext } from '../../http/compose.js';
import { UsageError } from '../usage-error.js';
import { runServe } from './serve.command.js';

const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

/** Runs `serve` in process until `use` is done with its URL, then stops it; resolves with the exit status. */
async function serveWhile(
  args: string[],
  use: (url: string) => Promise<void>,
  onEmptyDatabase?: (context: EmptyDatabaseContext) => Promise<void>,
): Promise<number> {
  const stop = new AbortController();
  let failure: Error | undefined;
  const status = await runServe(['--port', '0', ...args], {
    config: loadConfig({}, false),
    logDestination: silent,
    stop: stop.signal,
    ...(onEmptyDatabase ? { onEmptyDatabase } : {}),
    onListening: (url) => {
      use(url)
        .catch((error: unknown) => (failure = error instanceof Error ? error : new Error(String(error))))
        .finally(() => stop.abort());
    },
  });
  if (failure) throw failure;
  return status;
}

describe('proofdesk serve', () => {
  const data = mkdtempSync(join(tmpdir(), 'proofdesk-serve-'));
  after(() => rmSync(data, { recursive: true, force: true }));

  it('serves the API over SQLite under --data, seeds an empty database once, and stops cleanly', async () => {
    const seeded: string[] = [];
    const seed = async ({ services }: EmptyDatabaseContext) => {
      const ws = await services.workspaces.createWorkspace({ slug: 'demo', name: '演示店铺' });
      seeded.push(ws.id);
    };
    const first = await serveWhile(
      ['--data', data],
      async (url) => {
        assert.equal((await fetch(`${url}/readyz`)).status, 200);
        const res = await fetch(`${url}/api/v1/claims`);
        assert.equal(res.status, 401);
        assert.ok(res.headers.get('x-request-id'));
        const home = await fetch(`${url}/`);
        assert.match(await home.text(), /\/api\/docs/);
      },
      seed,
    );
    assert.equal(first, 0);
    assert.equal(seeded.length, 1);
    const second = await serveWhile(
      ['--data', data, '--no-worker'],
      async (url) => {
        assert.equal((await fetch(`${url}/healthz`)).status, 200);
      },
      seed,
    );
    assert.equal(second, 0, 'the database was closed and opens again');
    assert.equal(seeded.length, 1, 'a database with a workspace is not seeded again');
  });

  it('refuses bad options as usage errors', async () => {
    const config = loadConfig({}, false);
    await assert.rejects(runServe(['--port', 'eighty'], { config }), UsageError);
    await assert.rejects(runServe(['--colour'], { config }), UsageError);
    assert.throws(() => loadConfig({ PROOFDESK_TRUST_PROXY: 'yes' }, false), ConfigError);
    const behindProxy = loadConfig({ PROOFDESK_TRUST_PROXY: 'true', PROOFDESK_SECURE_COOKIES: '1' }, false);
    assert.deepEqual([behindProxy.trustProxy, behindProxy.secureCookies, config.trustProxy], [true, true, false]);
  });
});

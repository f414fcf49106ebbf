import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

/** The built CLI's entry point (`npm run build` first). */
export const CLI_PATH = join(REPO_ROOT, 'apps', 'server', 'bin', 'proofdesk.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built `proofdesk` CLI to completion in a child process from the repository root, with `CI=true`.
 * @param stdin what the command reads from stdin; without it, stdin is closed at once
 * @example const { status, stdout } = await runCli(['audit', 'verify', '--database', t.spec]);
 */
export function runCli(args: readonly string[], stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, CI: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    if (stdin === undefined) child.stdin.end();
    else child.stdin.end(stdin);
  });
}

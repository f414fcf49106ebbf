import { existsSync } from 'node:fs';
import { isPostgresUrl, openDatabase, type Db } from '../../adapters/db/database.js';
import { verifyAllChains, verifyWorkspaceChain, type ChainReport } from '../../services/audit.service.js';
import { databaseSpec } from '../data-paths.js';
import { parseCommandArgs, UsageError } from '../usage-error.js';

export const AUDIT_USAGE = `proofdesk audit verify [--database <sqlite path | postgres URL>] [--data ./data] [--workspace <id>] [--json]

  Verifies the hash-chained audit log of every workspace (or one): each event must follow the previous without a
  gap, link to its hash, hash to what it carries, and the chain must end at its recorded head. Prints one line per
  workspace: "ok <n> events", or the first broken row (seq, id, reason), in Chinese and English.
  --database <spec>       SQLite file or postgres:// URL (default: <data>/proofdesk.db)
  --data <dir>            data folder (default: ./data)
  --workspace <id>        only this workspace
  --json                  one JSON document: { "ok", "workspaces": [ { "workspaceId", "ok", "checked", "firstBreak"? } ] }
Exit status: 0 when every chain verifies; 1 when one is broken; 2 for usage errors.`;

/** What the audit command needs from the composition root. */
export interface AuditCommandDeps {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** One human line for one workspace's chain. */
export function chainLine(report: ChainReport): string {
  if (report.ok) return `${report.workspaceId}\t完好 ${report.checked} 条记录 / ok ${report.checked} events\n`;
  const b = report.firstBreak!;
  return (
    `${report.workspaceId}\t已损坏 / BROKEN\tseq ${b.seq}\tid ${b.id ?? '-'}\t${b.reason}\t` +
    `${b.text.zh} / ${b.text.en}（此前 ${report.checked} 条完好 / ${report.checked} events verified before it）\n`
  );
}

/** `proofdesk audit verify`: see {@link AUDIT_USAGE}. Returns the exit status (0 all verify, 1 one is broken). */
export async function runAudit(args: readonly string[], deps: AuditCommandDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      database: { type: 'string' },
      data: { type: 'string' },
      workspace: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [sub, ...rest] = positionals;
  if (sub !== 'verify') throw new UsageError(`audit needs the subcommand "verify"${sub ? `; got "${sub}"` : ''}`);
  if (rest.length > 0) throw new UsageError(`audit verify takes no arguments; got "${rest.join(' ')}"`);
  if (values.workspace !== undefined && values.workspace.trim() === '')
    throw new UsageError('--workspace needs a workspace id');
  const spec = databaseSpec(values);
  // Verifying must not create an empty database where none was: a wrong path is a usage error, not "all ok".
  if (!isPostgresUrl(spec) && !existsSync(spec)) throw new UsageError(`no database at ${spec}`);

  const db: Db = await openDatabase(spec, { migrate: false, poolSize: 2 });
  try {
    const print = (report: ChainReport): void => {
      if (!values.json) deps.stdout.write(chainLine(report));
    };
    const reports = values.workspace
      ? [await verifyWorkspaceChain(db, values.workspace)]
      : await verifyAllChains(db, { onReport: print });
    if (values.workspace) print(reports[0]!);
    const brokenCount = reports.filter((r) => !r.ok).length;
    if (values.json) {
      deps.stdout.write(`${JSON.stringify({ ok: brokenCount === 0, workspaces: reports }, null, 2)}\n`);
    } else if (brokenCount === 0) {
      deps.stdout.write(`审计链全部完好（${reports.length} 个工作区）/ all ${reports.length} audit chain(s) verify\n`);
    } else {
      deps.stdout.write(
        `${brokenCount} 个工作区的审计链已损坏（共 ${reports.length} 个）/ ` +
          `${brokenCount} of ${reports.length} audit chain(s) are broken\n`,
      );
    }
    return brokenCount === 0 ? 0 : 1;
  } finally {
    await db.close();
  }
}

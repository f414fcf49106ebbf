import type { CoverageRule } from '@proofdesk/domain';
import {
  readNetworkVersion,
  toOutlet,
  toTechnician,
  type Outlet,
  type Technician,
} from '../adapters/db/network.repository.js';
import type { ServiceDeps } from './service-deps.js';

/** An active technician with their own calendar, as dispatch needs them. */
export interface DispatchTechnician extends Technician {
  /** Working days they take off, and days off they work (`YYYY-MM-DD`, sorted). */
  readonly daysOff: readonly string[];
  readonly extraWorkingDays: readonly string[];
}

/**
 * Everything dispatch decides over, for one workspace, at one network version: active outlets, the coverage rules
 * of active outlets, and active technicians whose home outlet is active. Build the dispatch index from it and cache
 * it under `version`; a change anywhere in the network bumps the version.
 */
export interface DispatchNetwork {
  readonly workspaceId: string;
  readonly version: number;
  readonly outlets: readonly Outlet[];
  readonly coverage: readonly CoverageRule[];
  readonly technicians: readonly DispatchTechnician[];
}

/**
 * The network as dispatch sees it (for the repair-order services; no actor: callers have already authorised the
 * request they serve). Reads go to the read connection (`Db.reader`): on SQLite a WAL reader that never holds up the
 * writer, since loading a large network takes a while (about a second for 5,000 outlets and 20,000 technicians), and
 * in one snapshot (a read transaction; REPEATABLE READ on PostgreSQL) so the version matches the rows.
 */
export class NetworkService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db'>) {}

  /** The workspace's network version: 0 before the first change; compare it with a cached index's. */
  networkVersion(workspaceId: string): Promise<number> {
    return readNetworkVersion(this.deps.db.reader, workspaceId);
  }

  /** The active network of a workspace and its version, read consistently. */
  async dispatchNetwork(workspaceId: string): Promise<DispatchNetwork> {
    const { reader, dialect } = this.deps.db;
    const snapshot =
      dialect === 'postgres' ? reader.transaction().setIsolationLevel('repeatable read') : reader.transaction();
    return snapshot.execute(async (trx) => {
      // The version first: were the snapshot ever older than the rows, a cache keyed by it is only rebuilt too soon.
      const version = await readNetworkVersion(trx, workspaceId);
      const outletRows = await trx
        .selectFrom('outlets')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('active', '=', 1)
        .orderBy('id')
        .execute();
      const activeOutlets = new Set(outletRows.map((o) => o.id));
      const coverageRows = await trx
        .selectFrom('outlet_coverage')
        .innerJoin('outlets', 'outlets.id', 'outlet_coverage.outlet_id')
        .select(['outlet_coverage.outlet_id', 'outlet_coverage.code', 'outlet_coverage.mode'])
        .where('outlet_coverage.workspace_id', '=', workspaceId)
        .where('outlets.active', '=', 1)
        .orderBy('outlet_coverage.outlet_id')
        .orderBy('outlet_coverage.code')
        .execute();
      const technicianRows = await trx
        .selectFrom('technicians')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('active', '=', 1)
        .orderBy('id')
        .execute();
      const calendarRows = await trx
        .selectFrom('technician_calendar')
        .select(['technician_id', 'date', 'kind'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('date')
        .execute();
      const calendars = new Map<string, { off: string[]; on: string[] }>();
      for (const row of calendarRows) {
        let entry = calendars.get(row.technician_id);
        if (!entry) calendars.set(row.technician_id, (entry = { off: [], on: [] }));
        entry[row.kind].push(row.date);
      }
      return {
        workspaceId,
        version,
        outlets: outletRows.map(toOutlet),
        coverage: coverageRows.map((r) => ({ outletId: r.outlet_id, code: r.code, mode: r.mode })),
        technicians: technicianRows
          .filter((t) => activeOutlets.has(t.home_outlet_id))
          .map((row) => ({
            ...toTechnician(row),
            daysOff: calendars.get(row.id)?.off ?? [],
            extraWorkingDays: calendars.get(row.id)?.on ?? [],
          })),
      };
    });
  }
}

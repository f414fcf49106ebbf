import { createHash } from 'node:crypto';
import {
  DEFAULT_LIMITS,
  prepareReference,
  type DecodeLimits,
  type ForensicPorts,
  type PreparedReference,
} from '@proofdesk/forensics';
import type { BlobStore } from '@proofdesk/domain';
import type { Db } from '../adapters/db/database.js';
import type { ServiceLogger } from './service-deps.js';

/** A workspace's live reference photos, prepared for matching, and the key naming that set. */
export interface WorkspaceReferences {
  /** SHA-256 (hex) over the ids of the live reference photos: equal keys, equal sets. */
  readonly key: string;
  /** Prepared references; `file` is the reference photo's id (so a finding's `ref.file` names the row). */
  readonly references: readonly PreparedReference[];
}

/**
 * The workspace's reference photos (listing and packing), each prepared once per process and kept until it is
 * deleted: a new photo costs one preparation, not the whole set. Photos that cannot be prepared (featureless, for
 * example) are logged once and left out.
 */
export class ReferenceLibrary {
  private readonly prepared = new Map<string, PreparedReference | null>();
  /** The ids each workspace had last time, so deleted photos are dropped from memory. */
  private readonly live = new Map<string, readonly string[]>();

  constructor(
    private readonly db: Db,
    private readonly blobs: BlobStore,
    private readonly ports: Pick<ForensicPorts, 'decoder'>,
    private readonly logger: ServiceLogger,
    private readonly limits: DecodeLimits = DEFAULT_LIMITS,
  ) {}

  /** The live reference set of a workspace, preparing photos not seen before. */
  async referencesFor(workspaceId: string): Promise<WorkspaceReferences> {
    const rows = await this.db.kysely
      .selectFrom('reference_photos')
      .select(['id', 'blob_sha256'])
      .where('workspace_id', '=', workspaceId)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    const ids = rows.map((r) => r.id);
    const current = new Set(ids);
    for (const id of this.live.get(workspaceId) ?? []) if (!current.has(id)) this.prepared.delete(id);
    this.live.set(workspaceId, ids);
    const references: PreparedReference[] = [];
    for (const row of rows) {
      let prepared = this.prepared.get(row.id);
      if (prepared === undefined) {
        const bytes = await this.blobs.get(row.blob_sha256);
        const result = await prepareReference({ file: row.id, bytes, sha256: row.blob_sha256 }, this.ports, {
          limits: this.limits,
        });
        if (!result.ok)
          this.logger.warn({ workspaceId, referencePhotoId: row.id, reason: result.reason }, result.message);
        prepared = result.ok ? result : null;
        this.prepared.set(row.id, prepared);
      }
      if (prepared) references.push(prepared);
    }
    const key = createHash('sha256').update(ids.join(',')).digest('hex');
    return { key, references };
  }
}

import type { Readable } from 'node:stream';
import { actorLabel, actorMay, errors, requirePermission, type Actor } from '@proofdesk/domain';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Evidence } from '../adapters/db/evidence.repository.js';
import { loadClaimRow, requireClaimAccess } from './claim-access.js';
import { gatherPackageFacts, type PackageFacts } from './evidence-package/package-facts.js';
import { readBlob, renderFigures } from './evidence-package/package-figures.js';
import { renderPackagePdf } from './evidence-package/package-pdf.js';
import type { PackageBuyerCredit } from './evidence-package/package-pdf-sections.js';
import { packageReadme } from './evidence-package/package-readme.js';
import {
  ensurePackageSigningKey,
  type PackageSigner,
  type PackageSigningKeyView,
} from './evidence-package/package-signing.js';
import type { PackageLang } from './evidence-package/package-text.js';
import { safeName, writePackageZip, type PackageEntry, type PackageManifest } from './evidence-package/package-zip.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

export type { PackageBuyerCredit, PackageLang, PackageSigningKeyView };
export const PACKAGE_FORMATS = ['pdf', 'zip'] as const;
export type PackageFormat = (typeof PACKAGE_FORMATS)[number];
export const PACKAGE_LANGS = ['zh', 'en'] as const;

/** Where the package reads the buyer's credit from (the credit service); without it the claims table is used. */
export interface BuyerCreditSource {
  buyerCredit(actor: Actor, buyerId: string): Promise<PackageBuyerCredit>;
}

/** A generated package: its download name, media type and body (the PDF in memory, the ZIP as a stream). */
export interface EvidencePackage {
  readonly filename: string;
  readonly contentType: 'application/pdf' | 'application/zip';
  readonly body: Buffer | Readable;
  /** Fingerprint of the workspace key that signed the ZIP's manifest (also on the PDF's cover). */
  readonly signingKeyFingerprint: string;
}

/**
 * Evidence packages of claims, fit for a platform appeal or a police report: a PDF (zh-CN or English) and a ZIP with
 * the PDF, the originals byte for byte, the reports, the audit trail, a manifest and `SHA256SUMS`. Each export is
 * audited (`claim.package_exported`: who, format, language), since it carries the buyer's photos out.
 */
export class EvidencePackageService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly credit?: BuyerCreditSource,
  ) {}

  /**
   * Generates a claim's package. Staff who read claims (agent, reviewer, admin) may; a buyer never.
   * @throws {DomainError} `forbidden` (a buyer, or without `claim.read`); `not_found` for another workspace's
   *   claim; `invalid_input` for an unknown format or language
   */
  async export(
    actor: Actor,
    claimId: string,
    format: PackageFormat,
    lang: PackageLang = 'zh',
  ): Promise<EvidencePackage> {
    requireClaimAccess(actor, claimId, 'claim.read', false);
    if (!(PACKAGE_FORMATS as readonly string[]).includes(format))
      throw errors.invalidInput('format', { zh: '须为 pdf 或 zip', en: 'must be pdf or zip' });
    if (!(PACKAGE_LANGS as readonly string[]).includes(lang))
      throw errors.invalidInput('lang', { zh: '须为 zh 或 en', en: 'must be zh or en' });
    const { db, ids, clock, cipher } = this.deps;
    const generatedAt = nowIso(clock);
    const signer = await db.kysely.transaction().execute(async (trx) => {
      await loadClaimRow(trx, actor.workspaceId, claimId);
      // The workspace's key is made on its first export, in the export's transaction, and recorded in its row.
      const { signer, created } = await ensurePackageSigningKey(trx, cipher, actor.workspaceId, generatedAt);
      await appendAudit(
        trx,
        ids,
        {
          workspaceId: actor.workspaceId,
          at: generatedAt,
          actor: actorLabel(actor),
          action: 'claim.package_exported',
          subjectType: 'claim',
          subjectId: claimId,
          data: {
            format,
            lang,
            signingKeyFingerprint: signer.key.fingerprint,
            ...(created ? { keyCreated: true } : {}),
          },
        },
        db.dialect,
      );
      return signer;
    });
    const facts = await gatherPackageFacts(db, actor, claimId);
    const pdf = await this.pdf(actor, facts, lang, generatedAt, signer.key.fingerprint);
    const base = `evidence-package-${safeName(claimId)}-${lang}`;
    const signingKeyFingerprint = signer.key.fingerprint;
    if (format === 'pdf')
      return { filename: `${base}.pdf`, contentType: 'application/pdf', body: pdf, signingKeyFingerprint };
    return {
      filename: `${base}.zip`,
      contentType: 'application/zip',
      body: this.zip(facts, pdf, `${base}.pdf`, lang, generatedAt, signer),
      signingKeyFingerprint,
    };
  }

  /**
   * The workspace's package-signing public key and fingerprint, for staff to hand a recipient out of band (made now
   * if no package was exported yet, so it can be published first). Stable: never replaced.
   * @throws {DomainError} `forbidden` for a buyer or without `claim.read`
   */
  async signingKey(actor: Actor): Promise<PackageSigningKeyView> {
    if (actor.kind === 'buyer') throw errors.forbidden('claim.read');
    requirePermission(actor, 'claim.read');
    const { db, ids, clock, cipher } = this.deps;
    return db.kysely.transaction().execute(async (trx) => {
      const at = nowIso(clock);
      const { signer, created } = await ensurePackageSigningKey(trx, cipher, actor.workspaceId, at);
      if (created)
        await appendAudit(
          trx,
          ids,
          {
            workspaceId: actor.workspaceId,
            at,
            actor: actorLabel(actor),
            action: 'workspace.package_key_created',
            subjectType: 'workspace',
            subjectId: actor.workspaceId,
            data: { fingerprint: signer.key.fingerprint },
          },
          db.dialect,
        );
      return signer.key;
    });
  }

  private async pdf(
    actor: Actor,
    facts: PackageFacts,
    lang: PackageLang,
    generatedAt: string,
    signingKeyFingerprint: string,
  ): Promise<Buffer> {
    let credit: PackageBuyerCredit | null = null;
    // Credit is for staff who may read it (reviewers, admins); for an agent the section lists the buyer's claims.
    if (facts.claim.buyerId && this.credit && actorMay(actor, 'trust.read'))
      try {
        credit = await this.credit.buyerCredit(actor, facts.claim.buyerId);
      } catch (error) {
        this.deps.logger.warn({ err: error, claimId: facts.claim.id }, 'evidence package: buyer credit unavailable');
      }
    const figures = await renderFigures(facts, this.deps.blobs);
    return renderPackagePdf({ facts, figures, credit, lang, generatedAt, signingKeyFingerprint });
  }

  private zip(
    facts: PackageFacts,
    pdf: Buffer,
    pdfName: string,
    lang: PackageLang,
    generatedAt: string,
    signer: PackageSigner,
  ): Readable {
    const missing: PackageManifest['missing'][number][] = [];
    const entries: PackageEntry[] = [
      { path: pdfName, role: 'pdf', compress: false, bytes: () => Promise.resolve(pdf) },
    ];
    const original = (role: 'evidence' | 'counter_evidence', folder: string) => (e: Evidence, i: number) => {
      entries.push({
        path: `${folder}/${String(i + 1).padStart(2, '0')}-${e.sha256.slice(0, 8)}-${safeName(e.filename)}`,
        role,
        compress: false,
        sourceId: e.id,
        bytes: () => this.original(role, e.id, e.sha256, e.filename, missing),
      });
    };
    facts.evidence.forEach(original('evidence', 'evidence'));
    facts.counterEvidence.forEach(original('counter_evidence', 'counter-evidence'));
    for (const ref of facts.references.values())
      entries.push({
        path: `references/${ref.kind}-${ref.sha256.slice(0, 8)}-${safeName(ref.filename)}`,
        role: 'reference',
        compress: false,
        sourceId: ref.id,
        bytes: () => this.original('reference', ref.id, ref.sha256, ref.filename, missing),
      });
    const json = (value: unknown) => Promise.resolve(Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8'));
    entries.push({ path: 'report.json', role: 'report', compress: true, bytes: () => json(reportsOf(facts)) });
    entries.push({
      path: 'audit.json',
      role: 'audit',
      compress: true,
      bytes: () =>
        json({ workspaceId: facts.workspace.id, chain: facts.chain, head: facts.chainHead, events: facts.audit }),
    });
    entries.push({
      path: 'README.txt',
      role: 'readme',
      compress: true,
      bytes: () =>
        Promise.resolve(
          Buffer.from(packageReadme(facts.claim.id, generatedAt, pdfName, missing, signer.key.fingerprint), 'utf8'),
        ),
    });
    return writePackageZip(
      entries,
      {
        format: 'proofdesk-evidence-package/2',
        claimId: facts.claim.id,
        workspaceId: facts.workspace.id,
        generatedAt,
        lang,
        auditChain: {
          ok: facts.chain.ok,
          checked: facts.chain.checked,
          headSeq: facts.chainHead.seq,
          headHash: facts.chainHead.hash,
        },
        missing,
      },
      new Date(generatedAt),
      signer,
    );
  }

  /** An original's bytes; a missing blob becomes an empty file, recorded in the manifest's `missing`. */
  private async original(
    role: 'evidence' | 'counter_evidence' | 'reference',
    id: string,
    sha256: string,
    filename: string,
    missing: PackageManifest['missing'][number][],
  ): Promise<Uint8Array> {
    const bytes = await readBlob(this.deps.blobs, sha256);
    if (bytes.byteLength === 0) missing.push({ role, id, sha256, filename });
    return bytes;
  }
}

/** `report.json`: every photo's forensic report in the `proofdesk check --json` shape, with which photo it is. */
function reportsOf(facts: PackageFacts) {
  return {
    claimId: facts.claim.id,
    reports: [...facts.evidence, ...facts.counterEvidence].map((e) => ({
      evidenceId: e.id,
      submittedBy: e.submittedBy,
      filename: e.filename,
      sha256: e.sha256,
      bytes: e.bytes,
      status: e.status,
      report: e.report,
    })),
  };
}

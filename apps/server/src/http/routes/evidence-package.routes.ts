import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { idParams } from '../schemas/common.schemas.js';

const packageQuery = z.object({
  format: z
    .enum(['pdf', 'zip'])
    .default('pdf')
    .describe('`pdf`: the report alone; `zip`: the report with the originals'),
  lang: z.enum(['zh', 'en']).default('zh').describe("The PDF's language (the ZIP's README is in both)"),
});

const packageBytes = z.string().meta({ id: 'EvidencePackageBytes', format: 'binary' });

const signingKey = z
  .object({
    algorithm: z.literal('Ed25519'),
    publicKey: z.string().describe('Raw 32-byte Ed25519 public key, base64url'),
    publicKeyPem: z.string().describe('The same key as an SPKI PEM (for openssl pkeyutl -verify)'),
    fingerprint: z.string().describe('First 32 hex digits of SHA-256 of the raw key, in groups of 4'),
    createdAt: z.string(),
  })
  .meta({ id: 'PackageSigningKey' });

/** Evidence packages: a claim's PDF, or its ZIP with the originals, manifest and SHA256SUMS. */
export function evidencePackageRoutes(deps: AppDeps): ApiRoute[] {
  const { evidencePackages } = deps.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/claims/:id/evidence-package',
      access: 'claim.read',
      summary: "A claim's evidence package for a platform appeal or a police report (PDF or ZIP)",
      description:
        'The PDF (zh-CN by default, `lang=en` for English): case summary, order and delivery, every evidence photo ' +
        'with its SHA-256 and findings (pictured), provenance, the merchant side, the buyer history with legal ' +
        'flags, and the audit trail with its chain verification. The ZIP (streamed) adds the originals byte for ' +
        'byte, report.json, audit.json, manifest.json, SHA256SUMS and a README; `proofdesk package verify` or ' +
        '`sha256sum -c SHA256SUMS` re-checks it. Every export is audited (`claim.package_exported`). Staff only: ' +
        'a buyer link is refused. The ZIP carries manifest.sig, the Ed25519 signature of manifest.json under the ' +
        "workspace's package-signing key (signing-key.json; its fingerprint is also on the PDF's cover).",
      tags: ['evidence'],
      schema: { params: idParams, querystring: packageQuery, response: { 200: packageBytes } },
      handler: async ({ actor, params, query, reply }) => {
        const pkg = await evidencePackages.export(actor, params.id, query.format, query.lang);
        return reply
          .type(pkg.contentType)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', attachment(pkg.filename))
          .send(pkg.body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/workspace/package-signing-key',
      access: 'claim.read',
      summary: "The workspace's evidence-package signing key, to hand recipients out of band",
      description:
        'The Ed25519 public key that signs every evidence package ZIP of this workspace (manifest.sig), and its ' +
        'fingerprint. Made on first use (the first export or this call) and never replaced, so a platform or the ' +
        'police can pin it once: `proofdesk package verify <zip> --key <fingerprint>`. Staff only.',
      tags: ['evidence'],
      schema: { response: { 200: signingKey } },
      handler: ({ actor }) => evidencePackages.signingKey(actor),
    }),
  ];
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

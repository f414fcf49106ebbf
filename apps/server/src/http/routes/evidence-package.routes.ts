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
        'a buyer link is refused.',
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
  ];
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

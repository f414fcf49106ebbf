import { errors } from '@proofdesk/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { UploadedFile } from '../../services/photo-check-upload.service.js';
import { DEFAULT_MAX_UPLOAD_BYTES, type AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { photoReportSchema } from '../schemas/claims.schemas.js';

/** The most files one check takes (photos and reference photos together). */
export const MAX_CHECK_FILES = 20;

const CHECK_NOTE =
  `multipart/form-data with one or more photos in the field \`photo\` and zero or more reference photos ` +
  `(listing or packing photos) in the field \`ref\`, at most ${MAX_CHECK_FILES} files. Each photo is checked in ` +
  'memory like `proofdesk check --ref`: a file that is not a supported image, or is over the size limit, is ' +
  'answered as a report with verdict `error`; unusable reference photos are skipped. Nothing is stored.';

const checkQuery = z.object({
  lang: z.enum(['zh', 'en']).default('zh').describe('Language the HTML report opens in (both are in it)'),
});

/** Reads every file of the form into memory, each cut one byte above `maxBytes` (then marked oversized). */
async function readCheckForm(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ photos: UploadedFile[]; refs: UploadedFile[] }> {
  const photos: UploadedFile[] = [];
  const refs: UploadedFile[] = [];
  const parts = request.files({
    limits: { fileSize: maxBytes + 1, files: MAX_CHECK_FILES, parts: MAX_CHECK_FILES + 20 },
    throwFileSizeLimit: false,
  });
  for await (const part of parts) {
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const file: UploadedFile = {
      filename: part.filename || 'upload',
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      oversized: part.file.truncated || bytes.byteLength > maxBytes,
    };
    if (part.fieldname === 'photo') photos.push(file);
    else if (part.fieldname === 'ref') refs.push(file);
  }
  if (photos.length === 0)
    throw errors.invalidInput('photo', {
      zh: '表单中没有照片（字段名 photo）',
      en: 'the form holds no photo (field name "photo")',
    });
  return { photos, refs };
}

/** Checks photos outside any claim: the JSON reports, or the CLI's HTML report as a download. */
export function checkRoutes(deps: AppDeps): ApiRoute[] {
  const { photoCheck } = deps.services;
  const maxBytes = deps.options?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  return [
    defineRoute({
      method: 'POST',
      url: '/check',
      access: 'claim.read',
      summary: 'Check photos without a claim',
      description: CHECK_NOTE,
      tags: ['check'],
      multipart: { field: 'photo' },
      schema: { response: { 200: z.object({ reports: z.array(photoReportSchema) }) } },
      handler: async ({ request }) => {
        const { photos, refs } = await readCheckForm(request, maxBytes);
        const { reports } = await photoCheck.check(photos, refs);
        return { reports };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/check/html',
      access: 'claim.read',
      summary: 'Check photos without a claim, as an HTML report',
      description: `${CHECK_NOTE} Answers the self-contained bilingual HTML report \`proofdesk check --html\` writes, as a download.`,
      tags: ['check'],
      multipart: { field: 'photo' },
      schema: { querystring: checkQuery, response: { 200: z.string().meta({ id: 'HtmlReport' }) } },
      handler: async ({ request, reply, query }) => {
        const { photos, refs } = await readCheckForm(request, maxBytes);
        const html = await photoCheck.html(photos, refs, query.lang, new Date(deps.clock.nowMs()));
        return reply
          .type('text/html; charset=utf-8')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `attachment; filename="proofdesk-report.html"`)
          .send(html);
      },
    }),
  ];
}

import { errors } from '@proofdesk/domain';
import { sniffFormat } from '@proofdesk/forensics';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PhotoUpload } from '../services/upload.js';

/**
 * The one file of a `multipart/form-data` request as a streamed upload. The multipart limit is one byte above
 * `maxBytes`, so an oversized file reaches the blob store with a byte too many and is refused there
 * (`payload_too_large`, nothing stored) rather than silently cut at the limit.
 * @throws {DomainError} `invalid_input` when the form holds no file
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<PhotoUpload> {
  const file = await request.file({ limits: { fileSize: maxBytes + 1, files: 1 } });
  if (!file)
    throw errors.invalidInput('file', {
      zh: '表单中没有文件（字段名 file）',
      en: 'the form holds no file (field name "file")',
    });
  return { filename: file.filename || 'upload', source: file.file, maxBytes };
}

/**
 * Sends stored image bytes with the content type sniffed from them (never from a name) and `nosniff`, so a stored
 * file is never rendered as anything but an image.
 */
export function sendImage(reply: FastifyReply, bytes: Uint8Array, filename: string): FastifyReply {
  const sniffed = sniffFormat(bytes);
  return reply
    .type(sniffed.kind === 'image' ? sniffed.mimeType : 'application/octet-stream')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

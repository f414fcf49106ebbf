import { DOMAIN_ERROR_CODES, ROLES } from '@proofdesk/domain';
import { z } from 'zod';

/** zh-CN first, English second. */
export const bilingualSchema = z.object({ zh: z.string(), en: z.string() }).meta({ id: 'Bilingual' });

/** Every error the API answers with. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum([...DOMAIN_ERROR_CODES, 'malformed_request', 'internal']),
      message: bilingualSchema,
      details: z.record(z.string(), z.unknown()).optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const roleSchema = z.enum(ROLES);

/** A path parameter holding one id. */
export const idParams = z.object({ id: z.string().min(1).max(100) });

/** Cursor pagination on list routes. */
export const pageQuery = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A page of items with the cursor of the next page (null on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const isoTime = z.string().describe('ISO 8601 UTC time');

/** Image bytes; the content type is sniffed from them. */
export const imageBytesSchema = z.string().meta({ id: 'ImageBytes', format: 'binary' });

export const okSchema = z.object({ ok: z.literal(true) });

import { z } from 'zod';
import { DEFAULT_MAX_UPLOAD_BYTES, type AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { idParams, imageBytesSchema, okSchema, pageOf, pageQuery } from '../schemas/common.schemas.js';
import { productSchema } from '../schemas/claims.schemas.js';
import { referencePhotoRoutes } from '../reference-photo-routes.js';
import { sendImage } from '../uploads.js';

const UPLOAD_NOTE =
  'multipart/form-data with one file in the field `file`; the format is sniffed from the bytes (415 for anything ' +
  'but a supported image), 413 over the size limit, and nothing is stored for a refused or aborted upload.';

/** Products, their listing photos, and reference photos. */
export function catalogueRoutes(deps: AppDeps): ApiRoute[] {
  const { catalogue } = deps.services;
  const maxBytes = deps.options?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  return [
    defineRoute({
      method: 'GET',
      url: '/products',
      access: 'catalogue.read',
      summary: 'List products, newest first',
      tags: ['catalogue'],
      schema: { querystring: pageQuery, response: { 200: pageOf(productSchema) } },
      handler: ({ actor, query }) => catalogue.listProducts(actor, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/products',
      access: 'catalogue.write',
      summary: 'Create a product',
      tags: ['catalogue'],
      status: 201,
      idempotent: true,
      schema: {
        body: z.object({ sku: z.string().min(1).max(100), name: z.string().min(1).max(200) }),
        response: { 201: productSchema },
      },
      handler: ({ actor, body }) => catalogue.createProduct(actor, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/products/:id',
      access: 'catalogue.read',
      summary: 'Get a product',
      tags: ['catalogue'],
      schema: { params: idParams, response: { 200: productSchema } },
      handler: ({ actor, params }) => catalogue.getProduct(actor, params.id),
    }),
    ...referencePhotoRoutes(catalogue, maxBytes, {
      ownerUrl: '/products/:id',
      tag: 'catalogue',
      readAccess: 'catalogue.read',
      listSummary: "A product's listing photos",
      uploadSummary: 'Upload a listing photo',
      uploadDescription: `${UPLOAD_NOTE} Evidence of undecided claims is analysed again against the new reference.`,
      requireOwner: (actor, productId) => catalogue.getProduct(actor, productId),
      target: (productId) => ({ kind: 'listing', productId }),
    }),
    defineRoute({
      method: 'GET',
      url: '/reference-photos/:id/image',
      access: 'catalogue.read',
      summary: "A reference photo's bytes",
      tags: ['catalogue'],
      schema: { params: idParams, response: { 200: imageBytesSchema } },
      handler: async ({ actor, params, reply }) => {
        const { photo, bytes } = await catalogue.getReferenceBlob(actor, params.id);
        return sendImage(reply, bytes, photo.filename);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/reference-photos/:id',
      access: 'catalogue.write',
      summary: 'Remove a reference photo',
      description: 'Evidence of undecided claims is analysed again without it.',
      tags: ['catalogue'],
      schema: { params: idParams, response: { 200: okSchema } },
      handler: async ({ actor, params }) => {
        await catalogue.deleteReferencePhoto(actor, params.id);
        return { ok: true as const };
      },
    }),
  ];
}

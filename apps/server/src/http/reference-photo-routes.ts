import type { Actor } from '@proofdesk/domain';
import { z } from 'zod';
import type { ReferenceTarget } from '../services/catalogue.service.js';
import type { AppServices } from './app-deps.js';
import { defineRoute, type ApiRoute } from './route.js';
import { idParams } from './schemas/common.schemas.js';
import { referencePhotoSchema } from './schemas/claims.schemas.js';
import { readUpload } from './uploads.js';

/** What sets apart one owner of reference photos (a product's listing photos, an order's packing photos). */
export interface ReferencePhotoOwner {
  /** The owner's path, e.g. `/products/:id`; the routes are `GET` and `POST` on `<ownerUrl>/photos`. */
  readonly ownerUrl: string;
  readonly tag: string;
  /** Who may list the photos: whoever may read the owner. Uploading always needs `catalogue.write`. */
  readonly readAccess: 'catalogue.read' | 'claim.read';
  readonly listSummary: string;
  readonly uploadSummary: string;
  readonly uploadDescription: string;
  /** Resolves once the actor may see the owner. @throws {DomainError} `not_found`, `forbidden` */
  readonly requireOwner: (actor: Actor, ownerId: string) => Promise<unknown>;
  /** The reference an upload becomes; also the filter that lists the owner's photos. */
  readonly target: (ownerId: string) => ReferenceTarget;
}

/** Lists and uploads the reference photos of one owner: the two routes products and orders each have. */
export function referencePhotoRoutes(
  catalogue: AppServices['catalogue'],
  maxBytes: number,
  owner: ReferencePhotoOwner,
): ApiRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: `${owner.ownerUrl}/photos`,
      access: owner.readAccess,
      summary: owner.listSummary,
      tags: [owner.tag],
      schema: { params: idParams, response: { 200: z.object({ items: z.array(referencePhotoSchema) }) } },
      handler: async ({ actor, params }) => {
        await owner.requireOwner(actor, params.id);
        return { items: await catalogue.listReferencePhotos(actor, owner.target(params.id)) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${owner.ownerUrl}/photos`,
      access: 'catalogue.write',
      summary: owner.uploadSummary,
      description: owner.uploadDescription,
      tags: [owner.tag],
      status: 201,
      multipart: { field: 'file' },
      schema: { params: idParams, response: { 201: referencePhotoSchema } },
      handler: async ({ actor, params, request }) =>
        catalogue.addReferencePhoto(actor, owner.target(params.id), await readUpload(request, maxBytes)),
    }),
  ];
}

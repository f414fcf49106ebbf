import type { Selectable } from 'kysely';
import type { ProductsTable, ReferencePhotosTable } from './schema.js';

/** A product of the workspace's catalogue. */
export interface Product {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly createdAt: string;
}

/** A merchant's reference photo: a listing photo of a product or a packing photo of an order. */
export interface ReferencePhoto {
  readonly id: string;
  readonly kind: 'listing' | 'packing';
  readonly productId: string | null;
  readonly orderId: string | null;
  readonly filename: string;
  readonly sha256: string;
  /** PDQ hash (64 hex) of the photo as stored, and its quality 0..100. */
  readonly pdqHash: string | null;
  readonly pdqQuality: number | null;
  /** Width and height after EXIF orientation, in pixels. */
  readonly width: number | null;
  readonly height: number | null;
  readonly createdAt: string;
}

export function toProduct(row: Selectable<ProductsTable>): Product {
  return { id: row.id, sku: row.sku, name: row.name, createdAt: row.created_at };
}

export function toReferencePhoto(row: Selectable<ReferencePhotosTable>): ReferencePhoto {
  return {
    id: row.id,
    kind: row.kind,
    productId: row.product_id,
    orderId: row.order_id,
    filename: row.filename,
    sha256: row.blob_sha256,
    pdqHash: row.pdq_hash,
    pdqQuality: row.pdq_quality === null ? null : Number(row.pdq_quality),
    width: row.width === null ? null : Number(row.width),
    height: row.height === null ? null : Number(row.height),
    createdAt: row.created_at,
  };
}

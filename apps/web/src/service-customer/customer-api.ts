/** The repair customer's public API (no login): booking by workspace slug, status by the link's token. */
import { toApiError, type Schemas } from '../api/client';

export type Slot = 'morning' | 'afternoon' | 'evening';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface Candidate {
  readonly code: string;
  readonly fullName: string;
}

/** What the customer sees of their order (masked technician name, where it stands, who comes when), per the API. */
export type CustomerOrder = Schemas['CustomerRepairOrder'];

export async function publicCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1/public${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = toApiError(response.status, data);
    (error as { body?: unknown }).body = data;
    throw error;
  }
  return data as T;
}

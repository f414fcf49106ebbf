/** The public verification API (no login): one brand by its workspace slug. */
import { toApiError } from '../api/client';
import type { Schemas } from '../api/client';

export type VerifyAnswer = Schemas['VerifyAnswer'];
export type OfficialChannelsView = Schemas['OfficialChannelsView'];

export type ChannelsAnswer = Pick<VerifyAnswer, 'brand' | 'district' | 'areaCandidates' | 'areaNote' | 'channels'>;

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1/public${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

export function verify(slug: string, input: string, area: string): Promise<VerifyAnswer> {
  return call('POST', `/workspaces/${encodeURIComponent(slug)}/verify`, {
    input,
    ...(area.trim() === '' ? {} : { area: area.trim() }),
  });
}

export function channels(slug: string, area: string): Promise<ChannelsAnswer> {
  const query = area.trim() === '' ? '' : `?area=${encodeURIComponent(area.trim())}`;
  return call('GET', `/workspaces/${encodeURIComponent(slug)}/official-channels${query}`);
}

/**
 * The typed API client: openapi-fetch over the types generated from apps/server/openapi.json. The session cookie is
 * HttpOnly and travels by itself; unsafe methods carry the session's CSRF token in `x-csrf-token`.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Claim = Schemas['Claim'];
export type Evidence = Schemas['Evidence'];
export type Finding = Schemas['Finding'];
export type Order = Schemas['Order'];
export type Session = Schemas['Session'];
export type BuyerClaim = Schemas['BuyerClaim'];
export type ClaimStatus = Claim['status'];
export type ApiErrorBody = Schemas['Error'];

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from sign-in or /auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(csrf);

/** An API error with its bilingual message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: { readonly zh: string; readonly en: string },
  ) {
    super(text.en);
    this.name = 'ApiError';
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as Partial<ApiErrorBody> | undefined)?.error;
  if (error?.code && error.message) return new ApiError(status, error.code, error.message);
  return new ApiError(status, 'http_' + status, {
    zh: `请求失败（HTTP ${status}）`,
    en: `Request failed (HTTP ${status})`,
  });
}

/** The data of an openapi-fetch result, or throws its error as an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) throw toApiError(result.response.status, result.error);
  return result.data;
}

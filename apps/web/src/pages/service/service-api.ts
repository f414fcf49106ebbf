/**
 * The service network's API calls for the console pages (repair orders, dispatch, visits, escalations, outlets,
 * technicians, coverage, settings, areas). Same conventions as the typed client: cookie session, CSRF header on
 * unsafe methods, errors thrown as ApiError with their bilingual message.
 */
import { getCsrfToken, toApiError, type Schemas } from '../../api/client';

export const SLOTS = ['morning', 'afternoon', 'evening'] as const;
export type Slot = (typeof SLOTS)[number];

export const REPAIR_STATUSES = [
  'reported',
  'assigned',
  'accepted',
  'on_the_way',
  'on_site',
  'completed',
  'needs_parts',
  'rescheduled',
  'closed',
  'cancelled',
] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const FAULTS = [
  'fingerprint_not_recognised',
  'motor_jammed',
  'battery_drained',
  'forgotten_password',
  'door_wont_lock',
  'other',
] as const;
export type FaultCategory = (typeof FAULTS)[number];

export type RepairEvent =
  'accept' | 'call_customer' | 'depart' | 'arrive' | 'complete' | 'parts_needed' | 'reschedule' | 'close' | 'cancel';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/*
 * The API's shapes, from the types generated out of the server's OpenAPI document (`npm run openapi`), so a change
 * on the server that the pages do not follow fails to compile.
 */
type S = Schemas;
export type SlaTimer = S['SlaTimer'];
export type DivisionRef = S['DivisionRef'] & { readonly name?: string };
export type AreaDetail = S['AreaDetail'];
export type DispatchDecision = S['DispatchDecision'];
export type DispatchCandidate = DispatchDecision['candidates'][number];
export type HistoryEntry = S['RepairOrderEvent'];
export type VisitMedia = S['VisitMedia'];
export type Visit = S['RepairVisit'];
export type VisitPart = Visit['parts'][number];
/** A list row carries no history, timers, visit or media; the detail carries them all. */
export type RepairOrder = S['RepairOrder'] &
  Partial<Pick<S['RepairOrderDetail'], 'history' | 'slaTimers' | 'visit' | 'media'>>;
export type Escalation = S['SlaEscalation'];
export type Outlet = S['Outlet'];
export type OutletCoverage = S['OutletCoverage'];
export type CoverageRule = OutletCoverage['rules'][number];
export type Technician = S['Technician'];
export type AreaResolution = S['AreaResolution'];
export type CoverageImport = S['CoverageImportReport'];
export type CoverageImportRow = CoverageImport['rows'][number];
export type ServiceSettings = S['ServiceSettings'];
export type VersionedSettings = S['VersionedServiceSettings'];
export type Availability = S['Availability'];

export const DISPATCH_REJECTIONS = [
  'not_covering',
  'outlet_inactive',
  'inactive',
  'excluded',
  'product_line',
  'fault_category',
  'not_working',
  'slot_full',
] as const satisfies readonly (keyof DispatchDecision['rejected'])[];

/** The workspace's settings (what the intake form and the technician editor offer). */
export function loadSettings(): Promise<ServiceSettings> {
  return call<VersionedSettings>('GET', '/service/settings').then((v) => v.settings);
}

/** Calls `/api/v1{path}` with JSON in and out; throws the API's error. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = getCsrfToken();
  if (method !== 'GET' && token) headers['x-csrf-token'] = token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

/** A list answer: `{ items }` (with an optional cursor) or a bare array. */
export function itemsOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  const items = (data as { items?: T[]; data?: T[] } | undefined)?.items ?? (data as { data?: T[] })?.data;
  return items ?? [];
}

export const query = (params: Readonly<Record<string, string | number | undefined | null>>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

/** Today in Asia/Shanghai as YYYY-MM-DD (the network's business day). */
export function shanghaiDate(ms = Date.now()): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The prefecture (PPCC00) and county (PPCCDD) codes above a division code, from its digits. */
export function regionOf(code: string): { prefecture: string; county: string } {
  const six = code.slice(0, 6);
  return { prefecture: six.slice(0, 4) + '00', county: six };
}

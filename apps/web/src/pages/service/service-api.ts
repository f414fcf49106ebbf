/**
 * The service network's API calls for the console pages (repair orders, dispatch, visits, escalations, outlets,
 * technicians, coverage, settings, areas). Same conventions as the typed client: cookie session, CSRF header on
 * unsafe methods, errors thrown as ApiError with their bilingual message.
 */
import { getCsrfToken, toApiError } from '../../api/client';

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

export interface SlaTimer {
  readonly kind: 'response' | 'arrival' | 'resolution';
  readonly startedAt: string;
  readonly dueAt: string | null;
  /** Business minutes; negative when overdue. */
  readonly remainingMinutes: number;
  readonly paused: boolean;
  readonly breachedAt?: string;
  readonly stoppedAt?: string;
  readonly met?: boolean;
  readonly state: 'running' | 'paused' | 'met' | 'breached' | 'stopped';
  readonly escalationLevel: 'dispatcher' | 'outlet_manager' | 'brand' | null;
}

export interface DivisionRef {
  readonly code: string;
  readonly fullName: string;
  readonly level: 'province' | 'prefecture' | 'county' | 'township';
  readonly name?: string;
  readonly parent?: string | null;
}

export interface AreaDetail {
  readonly division: DivisionRef & { readonly name: string };
  readonly ancestors: readonly DivisionRef[];
  readonly children: readonly DivisionRef[];
}

export interface DispatchCandidate {
  readonly rank: number;
  readonly technicianId: string;
  readonly technicianName: string | null;
  readonly outletId: string;
  readonly outletName: string | null;
  readonly load: number;
  readonly capacity: number;
  readonly distance: number;
  readonly rating: number | null;
  readonly explanation: Bilingual;
}

export const DISPATCH_REJECTIONS = [
  'not_covering',
  'outlet_inactive',
  'inactive',
  'excluded',
  'product_line',
  'fault_category',
  'not_working',
  'slot_full',
] as const;

export interface DispatchDecision {
  readonly date: string;
  readonly slot: Slot;
  readonly chosen: DispatchCandidate | null;
  readonly candidates: readonly DispatchCandidate[];
  readonly eligible: number;
  /** Technicians left out, by reason. */
  readonly rejected: Readonly<Partial<Record<(typeof DISPATCH_REJECTIONS)[number], number>>>;
  readonly summary: Bilingual;
}

export interface HistoryEntry {
  readonly id?: string;
  readonly at: string;
  readonly actor: string;
  readonly event: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly explanation: unknown;
}

export interface VisitMedia {
  readonly id: string;
  readonly kind: 'photo' | 'audio';
  readonly mime: string;
  readonly bytes: number;
  readonly filename?: string;
  readonly createdAt?: string;
}

export interface VisitPart {
  readonly name: string;
  readonly quantity: number;
  readonly priceFen: number;
}

export interface Visit {
  readonly technicianId?: string | null;
  readonly checkedInAt: string | null;
  readonly checkedOutAt: string | null;
  readonly notes: string | null;
  readonly parts: readonly VisitPart[];
  readonly feeFen: number;
  readonly confirmedAt: string | null;
  readonly rating: number | null;
  readonly ratingComment: string | null;
}

export interface RepairOrder {
  readonly id: string;
  readonly number: string;
  readonly status: RepairStatus;
  readonly channel: 'phone' | 'web' | 'counter';
  readonly customerNameMasked: string;
  readonly customerPhoneMasked: string;
  readonly areaCode: string;
  readonly areaName: string;
  readonly productLine: string;
  readonly serial: string | null;
  readonly warrantyStatus: 'in_warranty' | 'expired' | 'unknown';
  readonly freeInspection: boolean;
  readonly faultCategory: FaultCategory;
  readonly description: string;
  readonly preferredDate: string;
  readonly preferredSlot: Slot;
  readonly bookedDate: string | null;
  readonly bookedSlot: Slot | null;
  readonly outletId: string | null;
  readonly outletName?: string | null;
  readonly technicianId: string | null;
  readonly technicianName?: string | null;
  readonly slaBreached?: boolean;
  readonly slaTimers?: readonly SlaTimer[];
  readonly history?: readonly HistoryEntry[];
  readonly visit?: Visit | null;
  readonly media?: readonly VisitMedia[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Escalation {
  readonly id: string;
  readonly orderId: string;
  readonly timerKind: string;
  readonly level: string;
  readonly recipientRole: string;
  readonly message: Bilingual;
  readonly dueAt: string;
  readonly createdAt: string;
  readonly ackedAt: string | null;
}

export interface Outlet {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly areaCode: string;
  readonly phones: readonly string[];
  readonly managerUserId: string | null;
  readonly active: boolean;
  readonly version: number;
}

export interface CoverageRule {
  readonly code: string;
  readonly mode: 'include' | 'exclude';
  readonly fullName?: string | null;
  readonly level?: string | null;
}

export interface OutletCoverage {
  readonly outletId: string;
  readonly version: number;
  readonly rules: readonly CoverageRule[];
}

export interface Technician {
  readonly id: string;
  readonly name: string;
  readonly phoneMasked: string;
  readonly homeOutletId: string;
  readonly skills: { readonly productLines: readonly string[]; readonly faultCategories: readonly string[] };
  readonly rating: number;
  readonly userId: string | null;
  readonly capacityOverride: number | null;
  readonly active: boolean;
  readonly version: number;
}

export interface AreaResolution {
  readonly input: string;
  readonly status: 'resolved' | 'ambiguous' | 'unresolved';
  readonly division?: DivisionRef;
  readonly viaAlias?: boolean;
  readonly candidates?: readonly DivisionRef[];
  readonly reason?: Bilingual;
}

export interface CoverageImportRow extends AreaResolution {
  readonly line: number;
  readonly duplicateOfLine?: number;
  readonly existingMode?: 'include' | 'exclude';
}

export interface CoverageImport {
  readonly applied: boolean;
  readonly mode: 'include' | 'exclude';
  readonly rows: readonly CoverageImportRow[];
  readonly counts: {
    readonly lines: number;
    readonly resolved: number;
    readonly ambiguous: number;
    readonly unresolved: number;
    readonly duplicates: number;
    readonly alreadyPresent: number;
    readonly added: number;
  };
  readonly coverage?: OutletCoverage;
}

export interface ClockWindow {
  readonly start: string;
  readonly end: string;
}

/** The workspace's service settings (slots, SLA policy, inspection policy, product lines). */
export interface ServiceSettings {
  readonly slots: { readonly hours: Readonly<Record<Slot, ClockWindow>>; readonly capacityPerTechnician: number };
  readonly sla: {
    readonly responseMinutes: number;
    readonly arrivalMinutes: number;
    readonly resolutionMinutes: number;
    readonly hours: ClockWindow;
    readonly escalationDelayMinutes: Readonly<Record<'dispatcher' | 'outlet_manager' | 'brand', number>>;
  };
  readonly inspection: {
    readonly freeFirstInspection: boolean;
    readonly freeInWarranty: boolean;
    readonly inspectionFeeFen: number;
  };
  readonly productLines: readonly string[];
}

export interface VersionedSettings {
  readonly settings: ServiceSettings;
  readonly version: number;
  readonly updatedAt: string | null;
}

/** The workspace's settings (what the intake form and the technician editor offer). */
export function loadSettings(): Promise<ServiceSettings> {
  return call<VersionedSettings>('GET', '/service/settings').then((v) => v.settings);
}

export interface Availability {
  readonly days: readonly {
    readonly date: string;
    readonly dayKind: 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
    readonly holiday: Bilingual | null;
    readonly slots: readonly { readonly slot: Slot; readonly free: number; readonly technicians: number }[];
  }[];
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

import { FAULT_CATEGORIES } from '@proofdesk/domain';
import { z } from 'zod';
import { bilingualSchema, isoTime } from './common.schemas.js';

/** A division code: 6-digit GB/T 2260 (province, prefecture, county) or 9-digit township. */
export const divisionCode = z
  .string()
  .regex(/^(\d{6}|\d{9})$/)
  .describe('Division code: 6 digits (GB/T 2260) or 9 digits (township)');

export const divisionLevel = z.enum(['province', 'prefecture', 'county', 'township']);

export const divisionRefSchema = z
  .object({ code: z.string(), fullName: z.string().describe('四川省凉山彝族自治州甘洛县'), level: divisionLevel })
  .meta({ id: 'DivisionRef' });

export const areaResolutionSchema = z
  .object({
    input: z.string(),
    status: z.enum(['resolved', 'ambiguous', 'unresolved']),
    division: divisionRefSchema.optional(),
    viaAlias: z.boolean().optional().describe('Resolved through the alias table (a renamed or missing area)'),
    candidates: z.array(divisionRefSchema).optional().describe('Ambiguous: pick one; never guessed'),
    reason: bilingualSchema.optional(),
  })
  .meta({ id: 'AreaResolution' });

export const areaDetailSchema = z
  .object({
    division: divisionRefSchema.extend({ name: z.string(), parent: z.string().nullable() }),
    ancestors: z.array(divisionRefSchema).describe('Province first'),
    children: z.array(divisionRefSchema),
  })
  .meta({ id: 'AreaDetail' });

const boolQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

const phone = z.string().min(1).max(40);
const expectedVersion = z
  .int()
  .min(1)
  .optional()
  .describe('The version the edit was made over: 409 when the record changed since');

export const outletSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    areaCode: z.string(),
    phones: z.array(z.string()).describe('Official numbers, in full'),
    managerUserId: z.string().nullable(),
    active: z.boolean(),
    version: z.int(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Outlet' });

export const newOutletBody = z.object({
  name: z.string().min(1).max(200),
  address: z.string().min(1).max(500),
  areaCode: divisionCode,
  phones: z.array(phone).max(5).default([]),
  managerUserId: z.string().min(1).max(100).nullable().optional(),
  active: z.boolean().optional(),
});

export const outletPatchBody = z.object({
  name: z.string().min(1).max(200).optional(),
  address: z.string().min(1).max(500).optional(),
  areaCode: divisionCode.optional(),
  phones: z.array(phone).max(5).optional(),
  managerUserId: z.string().min(1).max(100).nullable().optional(),
  active: z.boolean().optional(),
  expectedVersion,
});

export const outletListQuery = z.object({
  active: boolQuery,
  areaPrefix: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional()
    .describe('Outlets whose own area code starts with this, e.g. 4419 for 东莞'),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const coverageMode = z.enum(['include', 'exclude']);

export const coverageSchema = z
  .object({
    outletId: z.string(),
    version: z.int().describe("The outlet's version after the last change"),
    rules: z.array(
      z.object({
        code: z.string(),
        mode: coverageMode,
        fullName: z.string().nullable(),
        level: divisionLevel.nullable(),
      }),
    ),
  })
  .meta({ id: 'OutletCoverage' });

export const coverageBody = z.object({
  rules: z.array(z.object({ code: divisionCode, mode: coverageMode })).max(20_000),
  expectedVersion,
});

export const coverageImportBody = z.object({
  text: z.string().max(200_000).describe('One place name per line; blank lines and lines starting with # skipped'),
  apply: z.boolean().describe('false: preview only; true: store a rule for every resolved name'),
  mode: coverageMode.default('include'),
});

export const coverageImportSchema = z
  .object({
    applied: z.boolean(),
    mode: coverageMode,
    rows: z.array(
      z.object({
        line: z.int(),
        input: z.string(),
        status: z.enum(['resolved', 'ambiguous', 'unresolved']),
        division: divisionRefSchema.optional(),
        viaAlias: z.boolean().optional(),
        duplicateOfLine: z.int().optional(),
        existingMode: coverageMode.optional(),
        candidates: z.array(divisionRefSchema).optional(),
        reason: bilingualSchema.optional(),
      }),
    ),
    counts: z.object({
      lines: z.int(),
      resolved: z.int(),
      ambiguous: z.int(),
      unresolved: z.int(),
      duplicates: z.int(),
      alreadyPresent: z.int(),
      added: z.int(),
    }),
    coverage: coverageSchema.optional(),
  })
  .meta({ id: 'CoverageImportReport' });

const skillsSchema = z.object({
  productLines: z.array(z.string().min(1).max(100)).max(50),
  faultCategories: z.array(z.enum(FAULT_CATEGORIES)).max(FAULT_CATEGORIES.length),
});

export const technicianSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    phoneMasked: z.string().describe('138****5678; the full number only through the audited reveal'),
    userId: z.string().nullable(),
    homeOutletId: z.string(),
    skills: skillsSchema,
    rating: z.number().describe('0..5'),
    capacityOverride: z.int().nullable().describe("Bookings per slot; null = the workspace's capacity"),
    active: z.boolean(),
    version: z.int(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Technician' });

export const newTechnicianBody = z.object({
  name: z.string().min(1).max(100),
  phone,
  homeOutletId: z.string().min(1).max(100),
  skills: skillsSchema,
  userId: z.string().min(1).max(100).nullable().optional(),
  rating: z.number().min(0).max(5).optional(),
  capacityOverride: z.int().min(0).max(50).nullable().optional(),
  active: z.boolean().optional(),
});

export const technicianPatchBody = newTechnicianBody.partial().extend({ expectedVersion });

export const technicianListQuery = z.object({
  homeOutletId: z.string().min(1).max(100).optional(),
  active: boolQuery,
  phone: phone.optional().describe('Find by phone (any notation) through the blind index'),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const technicianCalendarSchema = z
  .object({ technicianId: z.string(), off: z.array(z.string()), on: z.array(z.string()) })
  .meta({ id: 'TechnicianCalendar' });

export const technicianCalendarBody = z.object({
  off: z.array(isoDate).max(1_000).describe('Working days the technician does not work'),
  on: z.array(isoDate).max(1_000).describe('Days off (weekend, holiday) the technician works'),
});

const clockTime = z
  .string()
  .regex(/^\d{2}:\d{2}$/)
  .describe('HH:MM, Asia/Shanghai');
const clockWindow = z.object({ start: clockTime, end: clockTime });

export const serviceSettingsBody = z
  .object({
    slots: z.object({
      hours: z.object({ morning: clockWindow, afternoon: clockWindow, evening: clockWindow }),
      capacityPerTechnician: z.int().describe('Bookings per technician per slot, 1..20'),
    }),
    sla: z.object({
      responseMinutes: z.int().describe('Business minutes from assignment to accept / call'),
      arrivalMinutes: z.int().describe('Business minutes from acceptance (or the slot start) to check-in'),
      resolutionMinutes: z.int().describe('Business minutes from report to completion'),
      hours: clockWindow.describe('The hours of a working day that count'),
      escalationDelayMinutes: z.object({ dispatcher: z.int(), outlet_manager: z.int(), brand: z.int() }),
    }),
    inspection: z.object({
      freeFirstInspection: z.boolean().describe("A customer's first order gets a free inspection"),
      freeInWarranty: z.boolean().describe('Inspections in warranty are free'),
      inspectionFeeFen: z.int().describe('The inspection fee otherwise, integer fen'),
    }),
    productLines: z.array(z.string().max(100)).max(100),
    complaints: z
      .object({
        acknowledgeMinutes: z.int().describe('Working minutes from filing (or reopening) to acknowledgement'),
        resolveMinutes: z.int().describe('Working minutes from filing (or reopening) to a resolution'),
        hours: clockWindow.describe('The office hours of a working day that count'),
        escalationDelayMinutes: z.object({ outlet: z.int(), region: z.int(), brand: z.int() }),
      })
      .describe('Complaint SLAs (default: 2 working hours to acknowledge, 24 to resolve, 09:00–18:00)'),
  })
  .meta({ id: 'ServiceSettings' });

export const versionedSettingsSchema = z
  .object({
    settings: serviceSettingsBody,
    version: z.int().describe('0 until first saved (all defaults)'),
    updatedAt: isoTime.nullable(),
  })
  .meta({ id: 'VersionedServiceSettings' });

export const putSettingsBody = serviceSettingsBody.extend({
  complaints: serviceSettingsBody.shape.complaints
    .optional()
    .describe('Complaint SLAs; left out, the stored ones stay (clients written before they existed)'),
  expectedVersion: z.int().min(0).optional(),
});

export const calendarQuery = z.object({ from: isoDate, to: isoDate });

export const calendarSchema = z
  .object({
    days: z.array(
      z.object({
        date: z.string(),
        kind: z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']),
        working: z.boolean(),
        name: bilingualSchema.optional().describe('The holiday (or the holiday a make-up day pays for)'),
        inLieu: z.boolean().optional(),
        fromHolidayData: z.boolean().describe('false: beyond the holiday data, judged by weekends only'),
      }),
    ),
    dataYears: z.object({ from: z.int(), to: z.int() }),
  })
  .meta({ id: 'BusinessCalendar' });

import {
  DISPATCH_REJECTIONS,
  ESCALATION_LEVELS,
  FAULT_CATEGORIES,
  REPAIR_ORDER_EVENTS,
  REPAIR_ORDER_STATUSES,
  SLA_KINDS,
  SLOTS,
} from '@proofdesk/domain';
import { z } from 'zod';
import { bilingualSchema, isoTime } from './common.schemas.js';

export const slotSchema = z.enum(SLOTS);
export const faultCategorySchema = z.enum(FAULT_CATEGORIES);
export const repairStatusSchema = z.enum(REPAIR_ORDER_STATUSES);
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('YYYY-MM-DD, Asia/Shanghai');
const areaCode = z
  .string()
  .regex(/^\d{6}(\d{3})?$/)
  .describe('Division code: county (6 digits) or township (9)');

export const repairOrderSchema = z
  .object({
    id: z.string(),
    number: z.string().describe('People’s reference, e.g. RO-261122-4K7Q2M'),
    channel: z.enum(['phone', 'web', 'counter']),
    customerId: z.string(),
    customerNameMasked: z.string().describe('张* — the full name only on an audited reveal'),
    customerPhoneMasked: z.string().describe('138****5678'),
    areaCode: z.string(),
    areaName: z.string(),
    productLine: z.string(),
    serial: z.string().nullable(),
    warrantyStatus: z.enum(['in_warranty', 'expired', 'unknown']).describe('At intake'),
    freeInspection: z.boolean(),
    faultCategory: faultCategorySchema,
    description: z.string(),
    preferredDate: z.string(),
    preferredSlot: slotSchema,
    status: repairStatusSchema,
    outletId: z.string().nullable(),
    technicianId: z.string().nullable(),
    bookedDate: z.string().nullable(),
    bookedSlot: slotSchema.nullable(),
    slaBreached: z.boolean(),
    version: z.int(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'RepairOrder' });

export const repairOrderEventSchema = z
  .object({
    id: z.string(),
    at: isoTime,
    actor: z.string(),
    event: z.string().describe('A status event, or intake / visit_recorded'),
    fromStatus: z.string().nullable(),
    toStatus: z.string(),
    explanation: z.unknown().describe('The dispatch decision, a reason, the new slot…'),
  })
  .meta({ id: 'RepairOrderEvent' });

export const slaTimerSchema = z
  .object({
    kind: z.enum(SLA_KINDS),
    startedAt: isoTime,
    dueAt: isoTime.nullable(),
    remainingMinutes: z.number().describe('Business minutes; negative when overdue'),
    paused: z.boolean(),
    breachedAt: isoTime.optional(),
    stoppedAt: isoTime.optional(),
    met: z.boolean().optional(),
    state: z.enum(['running', 'paused', 'met', 'breached', 'stopped']),
    escalationLevel: z.enum(ESCALATION_LEVELS).nullable(),
  })
  .meta({ id: 'SlaTimer' });

export const visitPartSchema = z.object({
  name: z.string().min(1).max(200),
  quantity: z.int().min(1).max(1000),
  priceFen: z.int().min(0),
});

export const visitSchema = z
  .object({
    technicianId: z.string().nullable(),
    checkedInAt: isoTime.nullable(),
    checkedOutAt: isoTime.nullable(),
    notes: z.string().nullable(),
    parts: z.array(visitPartSchema),
    feeFen: z.int(),
    confirmedAt: isoTime.nullable(),
    rating: z.int().nullable(),
    ratingComment: z.string().nullable(),
    updatedAt: isoTime,
  })
  .meta({ id: 'RepairVisit' });

export const visitMediaSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['photo', 'audio']),
    mime: z.string(),
    sha256: z.string(),
    bytes: z.int(),
    filename: z.string(),
    createdBy: z.string(),
    createdAt: isoTime,
  })
  .meta({ id: 'VisitMedia' });

export const repairOrderDetailSchema = repairOrderSchema
  .extend({
    history: z.array(repairOrderEventSchema),
    slaTimers: z.array(slaTimerSchema),
    visit: visitSchema.nullable(),
    media: z.array(visitMediaSchema),
  })
  .meta({ id: 'RepairOrderDetail' });

export const intakeBodySchema = z.object({
  customer: z.object({
    name: z.string().min(1).max(100),
    phone: z.string().min(1).max(40),
    address: z.string().min(1).max(500).describe('Street, building, door: sealed at rest'),
  }),
  areaCode: areaCode.optional(),
  areaText: z.string().min(1).max(200).optional().describe('Free text (凉山甘洛县), resolved when no areaCode'),
  productLine: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("One of the workspace's product lines (default: its first)"),
  serial: z.string().min(1).max(100).optional(),
  faultCategory: faultCategorySchema,
  description: z.string().min(1).max(2000),
  preferredDate: isoDate,
  preferredSlot: slotSchema,
});

export const staffIntakeBodySchema = intakeBodySchema.extend({ channel: z.enum(['phone', 'web', 'counter']) });

export const contactSchema = z
  .object({ name: z.string(), phone: z.string(), address: z.string() })
  .meta({ id: 'RepairContact' });

export const dispatchCandidateSchema = z.object({
  rank: z.int(),
  technicianId: z.string(),
  technicianName: z.string().nullable(),
  outletId: z.string(),
  outletName: z.string().nullable(),
  load: z.int(),
  capacity: z.int(),
  distance: z.number().describe('Steps between the outlet and the customer in the division tree'),
  rating: z.number().nullable(),
  complaintRate: z.number().nullable(),
  explanation: bilingualSchema,
});

export const dispatchDecisionSchema = z
  .object({
    date: isoDate,
    slot: slotSchema,
    chosen: dispatchCandidateSchema.nullable(),
    candidates: z.array(dispatchCandidateSchema),
    eligible: z.int(),
    rejected: z.record(z.enum(DISPATCH_REJECTIONS), z.int()).describe('Technicians left out, by reason'),
    summary: bilingualSchema,
  })
  .meta({ id: 'DispatchDecision' });

export const eventBodySchema = z.object({
  event: z.enum(REPAIR_ORDER_EVENTS.filter((e) => e !== 'assign') as [string, ...string[]]),
  note: z.string().min(1).max(1000).optional(),
  reason: z.string().min(1).max(1000).optional().describe('Required for reschedule and cancel'),
  date: isoDate.optional().describe('reschedule: the new date'),
  slot: slotSchema.optional().describe('reschedule: the new slot'),
});

export const availabilitySchema = z
  .object({
    days: z.array(
      z.object({
        date: isoDate,
        dayKind: z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']),
        holiday: bilingualSchema.nullable(),
        slots: z.array(z.object({ slot: slotSchema, free: z.int(), technicians: z.int() })),
      }),
    ),
  })
  .meta({ id: 'Availability' });

export const availabilityQuery = z.object({
  areaCode,
  productLine: z.string().min(1).max(100),
  faultCategory: faultCategorySchema,
  from: isoDate,
  to: isoDate,
});

export const escalationSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    timerKind: z.string(),
    level: z.string(),
    recipientRole: z.string(),
    recipientUserId: z.string().nullable(),
    message: bilingualSchema,
    dueAt: isoTime,
    createdAt: isoTime,
    ackedAt: isoTime.nullable(),
    ackedBy: z.string().nullable(),
  })
  .meta({ id: 'SlaEscalation' });

export const customerOrderSchema = z
  .object({
    number: z.string(),
    status: repairStatusSchema,
    statusLabel: bilingualSchema,
    areaName: z.string(),
    productLine: z.string(),
    faultCategory: z.string(),
    warrantyStatus: z.string(),
    freeInspection: z.boolean(),
    preferredDate: z.string(),
    preferredSlot: z.string(),
    bookedDate: z.string().nullable(),
    bookedSlot: z.string().nullable(),
    technicianName: z.string().nullable().describe('Masked: 王**'),
    timeline: z.array(z.object({ status: z.string(), at: isoTime })),
    visit: z
      .object({
        checkedInAt: isoTime.nullable(),
        checkedOutAt: isoTime.nullable(),
        feeFen: z.int(),
        partsFen: z.int(),
      })
      .nullable(),
    confirmedAt: isoTime.nullable(),
    rating: z.int().nullable(),
    canConfirm: z.boolean(),
    canCancel: z.boolean(),
    createdAt: isoTime,
  })
  .meta({ id: 'CustomerRepairOrder' });

import { errors } from '../errors.js';
import { isAreaCode } from './area-code-tree.js';
import { indexCoverageRules, type CoverageRule, type CoverageRuleIndex } from './coverage.js';

/**
 * The network as dispatch reads it, indexed once per network version (the server caches it and rebuilds when an
 * outlet, a coverage rule or a technician changes): coverage rules by code, technicians by home outlet with their
 * skills as bit masks, days off and extra days as sets.
 */
export interface DispatchOutlet {
  readonly id: string;
  readonly name?: string;
  /** The outlet's own division code (county or township), for distance to the customer. */
  readonly areaCode: string;
  readonly active?: boolean;
}

export interface DispatchTechnician {
  readonly id: string;
  readonly name?: string;
  readonly homeOutletId: string;
  readonly productLines: readonly string[];
  readonly faultCategories: readonly string[];
  /** 0–5, null when not yet rated. */
  readonly rating?: number | null;
  /** Bookings per slot when different from the workspace's. */
  readonly capacityPerSlot?: number | null;
  readonly active?: boolean;
  /** Dates ('YYYY-MM-DD') the technician does not work although the calendar says working day. */
  readonly daysOff?: readonly string[];
  /** Dates the technician works although the calendar says weekend or holiday. */
  readonly extraWorkingDays?: readonly string[];
  /** Share of orders with a complaint, 0–1; a ranking input for later, null when unknown. */
  readonly complaintRate?: number | null;
}

export interface DispatchNetwork {
  readonly version?: string | number;
  readonly outlets: readonly DispatchOutlet[];
  readonly coverage: readonly CoverageRule[];
  readonly technicians: readonly DispatchTechnician[];
}

/** A technician with skills as bit masks over the index's vocabularies. */
export interface IndexedTechnician {
  readonly technician: DispatchTechnician;
  readonly outlet: DispatchOutlet;
  readonly productLineMask: bigint;
  readonly faultCategoryMask: bigint;
  readonly daysOff: ReadonlySet<string>;
  readonly extraWorkingDays: ReadonlySet<string>;
}

export interface DispatchIndex {
  readonly version: string | number | undefined;
  readonly coverage: CoverageRuleIndex;
  readonly outlets: ReadonlyMap<string, DispatchOutlet>;
  readonly techniciansByOutlet: ReadonlyMap<string, readonly IndexedTechnician[]>;
  readonly technicians: ReadonlyMap<string, IndexedTechnician>;
  readonly technicianCount: number;
  /** Bit of each product line and fault category named by any technician. */
  readonly productLineBits: ReadonlyMap<string, bigint>;
  readonly faultCategoryBits: ReadonlyMap<string, bigint>;
}

function vocabulary(values: Iterable<string>): Map<string, bigint> {
  const bits = new Map<string, bigint>();
  for (const value of values) if (!bits.has(value)) bits.set(value, 1n << BigInt(bits.size));
  return bits;
}

function mask(values: readonly string[], bits: ReadonlyMap<string, bigint>): bigint {
  let result = 0n;
  for (const value of values) result |= bits.get(value) ?? 0n;
  return result;
}

/**
 * Builds the dispatch index. Technicians whose home outlet is unknown are left out (and counted).
 * @throws {DomainError} `invalid_input` when an outlet's or a rule's code is not a division code
 */
export function createDispatchIndex(network: DispatchNetwork): DispatchIndex & { readonly orphanTechnicians: number } {
  const outlets = new Map(network.outlets.map((o) => [o.id, o]));
  for (const outlet of network.outlets)
    if (!isAreaCode(outlet.areaCode))
      throw errors.invalidInput(`outlets.${outlet.id}.areaCode`, { zh: '不是行政区划代码', en: 'not a division code' });
  for (const rule of network.coverage)
    if (!isAreaCode(rule.code))
      throw errors.invalidInput(`coverage.${rule.outletId}.code`, {
        zh: '不是行政区划代码',
        en: 'not a division code',
      });

  const productLineBits = vocabulary(network.technicians.flatMap((t) => t.productLines));
  const faultCategoryBits = vocabulary(network.technicians.flatMap((t) => t.faultCategories));
  const techniciansByOutlet = new Map<string, IndexedTechnician[]>();
  const technicians = new Map<string, IndexedTechnician>();
  let orphanTechnicians = 0;
  for (const technician of [...network.technicians].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const outlet = outlets.get(technician.homeOutletId);
    if (!outlet) {
      orphanTechnicians++;
      continue;
    }
    const indexed: IndexedTechnician = {
      technician,
      outlet,
      productLineMask: mask(technician.productLines, productLineBits),
      faultCategoryMask: mask(technician.faultCategories, faultCategoryBits),
      daysOff: new Set(technician.daysOff ?? []),
      extraWorkingDays: new Set(technician.extraWorkingDays ?? []),
    };
    technicians.set(technician.id, indexed);
    let list = techniciansByOutlet.get(outlet.id);
    if (!list) techniciansByOutlet.set(outlet.id, (list = []));
    list.push(indexed);
  }
  return {
    version: network.version,
    coverage: indexCoverageRules(network.coverage),
    outlets,
    techniciansByOutlet,
    technicians,
    technicianCount: technicians.size,
    productLineBits,
    faultCategoryBits,
    orphanTechnicians,
  };
}

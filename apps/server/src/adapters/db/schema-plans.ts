/**
 * Care plans and coverage (migration 0009) as Kysely types, merged into `Database` in schema.ts. Money integer
 * fen, dates `YYYY-MM-DD` (Shanghai), times ISO UTC, JSON as text, booleans 0/1. Serials are 0006's
 * `product_serials`.
 */

/** A plan a brand sells; `terms_json` is the domain's `PlanTerms`. */
export interface CarePlansTable {
  id: string;
  workspace_id: string;
  /** The brand's short code, unique per workspace (`EW-2Y`). */
  code: string;
  name_zh: string;
  name_en: string;
  terms_json: string;
  /** 0: no longer sold (sales made keep their terms). */
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A plan sold on one serial, with the terms it was sold on and its term once activated. */
export interface SerialPlansTable {
  id: string;
  workspace_id: string;
  serial_id: string;
  plan_id: string;
  plan_name_zh: string;
  plan_name_en: string;
  /** The plan's terms at the sale. */
  terms_json: string;
  price_fen: number;
  /** sold | active | cancelled */
  status: string;
  sold_at: string;
  sold_by: string;
  activated_on: string | null;
  starts_on: string | null;
  claimable_from: string | null;
  ends_on: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  refund_fen: number;
  /** Claims paid this term, and their total (kept with the claims in one transaction). */
  claims_count: number;
  claims_fen: number;
  version: number;
}

/** What a plan paid for a completed repair order. */
export interface PlanClaimsTable {
  id: string;
  workspace_id: string;
  serial_plan_id: string;
  plan_id: string;
  order_id: string;
  amount_fen: number;
  created_at: string;
}

/** The coverage decided for a repair order: at intake, then with the visit's charges at completion. */
export interface RepairOrderCoverageTable {
  order_id: string;
  workspace_id: string;
  /** The domain's `CoverageDecision` at intake. */
  intake_json: string;
  completion_json: string | null;
  /** The latest decision's amount the customer pays. */
  customer_pays_fen: number;
  created_at: string;
  settled_at: string | null;
}

export interface PlanTables {
  care_plans: CarePlansTable;
  serial_plans: SerialPlansTable;
  plan_claims: PlanClaimsTable;
  repair_order_coverage: RepairOrderCoverageTable;
}

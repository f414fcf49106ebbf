import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import {
  DEFAULT_INSPECTION_FEE_POLICY,
  firstInspectionFree,
  inspectionFeeFen,
  warrantyStatus,
  type WarrantyStatus,
  type WarrantyTerms,
} from './warranty.js';

describe('warranty status', () => {
  for (const [terms, on, status, coveredThrough] of [
    [{ purchasedOn: '2025-03-10', warrantyMonths: 12 }, '2025-03-10', 'in_warranty', '2026-03-09'],
    [{ purchasedOn: '2025-03-10', warrantyMonths: 12 }, '2026-03-09', 'in_warranty', '2026-03-09'],
    [{ purchasedOn: '2025-03-10', warrantyMonths: 12 }, '2026-03-10', 'expired', '2026-03-09'],
    [{ purchasedOn: '2025-03-10', warrantyMonths: 12 }, '2025-03-09', 'expired', '2026-03-09'],
    [{ purchasedOn: '2025-01-31', warrantyMonths: 1 }, '2025-02-27', 'in_warranty', '2025-02-27'],
    [{ purchasedOn: '2025-01-31', warrantyMonths: 1 }, '2025-02-28', 'expired', '2025-02-27'],
    [{ purchasedOn: '2024-01-31', warrantyMonths: 1 }, '2024-02-28', 'in_warranty', '2024-02-28'],
    [{ purchasedOn: '2024-02-29', warrantyMonths: 24 }, '2026-02-27', 'in_warranty', '2026-02-27'],
    [{ purchasedOn: '2025-11-15', warrantyMonths: 36 }, '2028-11-14', 'in_warranty', '2028-11-14'],
    [{ purchasedOn: '2025-11-15', warrantyMonths: 0 }, '2025-11-15', 'expired', '2025-11-14'],
    [{ purchasedOn: null, warrantyMonths: 12 }, '2026-01-01', 'unknown', undefined],
    [{ purchasedOn: '2025-11-15' }, '2026-01-01', 'unknown', undefined],
    [{}, '2026-01-01', 'unknown', undefined],
  ] as const satisfies readonly (readonly [WarrantyTerms, string, WarrantyStatus, string | undefined])[])
    it(`${JSON.stringify(terms)} on ${on} is ${status}`, () => {
      const result = warrantyStatus(terms, on);
      assert.equal(result.status, status);
      assert.equal(result.coveredThrough, coveredThrough);
      assert.match(result.label.zh, /\p{Script=Han}/u);
    });

  for (const [terms, on, field] of [
    [{ purchasedOn: '2025-02-30', warrantyMonths: 12 }, '2026-01-01', 'purchasedOn'],
    [{ purchasedOn: '2025-02-01', warrantyMonths: 1.5 }, '2026-01-01', 'warrantyMonths'],
    [{ purchasedOn: '2025-02-01', warrantyMonths: -1 }, '2026-01-01', 'warrantyMonths'],
    [{ purchasedOn: '2025-02-01', warrantyMonths: 12 }, '20260101', 'on'],
  ] as const)
    it(`refuses a bad ${field}`, () => {
      assert.throws(
        () => warrantyStatus(terms, on),
        (e: unknown) => e instanceof DomainError && e.code === 'invalid_input' && e.details?.field === field,
      );
    });
});

describe('free first inspection and the inspection fee', () => {
  it("frees a customer's first order only, when the policy says so", () => {
    assert.equal(firstInspectionFree(DEFAULT_INSPECTION_FEE_POLICY, 0), true);
    assert.equal(firstInspectionFree(DEFAULT_INSPECTION_FEE_POLICY, 1), false);
    assert.equal(firstInspectionFree({ freeFirstInspection: false }, 0), false);
    assert.throws(() => firstInspectionFree(DEFAULT_INSPECTION_FEE_POLICY, -1), DomainError);
  });

  for (const [free1st, freeWarranty, prior, warranty, fee] of [
    [true, true, 0, 'expired', 0],
    [true, true, 2, 'in_warranty', 0],
    [true, true, 2, 'expired', 5000],
    [true, true, 2, 'unknown', 5000],
    [false, true, 0, 'expired', 5000],
    [false, false, 0, 'in_warranty', 5000],
    [true, false, 0, 'in_warranty', 0],
  ] as const)
    it(`charges ${fee} fen (first free: ${free1st}, warranty free: ${freeWarranty}, prior ${prior}, ${warranty})`, () => {
      const policy = { freeFirstInspection: free1st, freeInWarranty: freeWarranty, inspectionFeeFen: 5000 };
      assert.equal(inspectionFeeFen(policy, prior, warranty), fee);
    });
});

import {
  DomainError,
  errors,
  getDivision,
  resolveArea,
  shanghaiDateOf,
  warrantyStatus,
  type Division,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';

/** The division a repair order is for, with how it was found. */
export interface IntakeArea {
  readonly code: string;
  readonly fullName: string;
  /** Set when the area came from free text through the resolver. */
  readonly via?: 'resolver';
}

function requireServiceLevel(field: string, division: Division): IntakeArea {
  if (division.level !== 'township' && division.level !== 'county')
    throw errors.invalidInput(field, {
      zh: `「${division.fullName}」范围太大：请给出区县或乡镇街道`,
      en: `"${division.fullName}" is too wide: give a county or a township`,
    });
  return { code: division.code, fullName: division.fullName };
}

/**
 * The customer's area from a division code, or from free text through the area resolver (`凉山甘洛县`). Dispatch
 * needs a county or a township; an ambiguous text answers its candidates, never a guess.
 * @throws {DomainError} `invalid_input` (details `candidates` for an ambiguous text)
 */
export function resolveIntakeArea(areaCode: string | undefined, areaText: string | undefined): IntakeArea {
  if (areaCode !== undefined && areaCode !== '') {
    const division = /^\d{6}(\d{3})?$/.test(areaCode) ? getDivision(areaCode) : undefined;
    if (!division)
      throw errors.invalidInput('areaCode', { zh: '不是已知的行政区划代码', en: 'is not a known division code' });
    return requireServiceLevel('areaCode', division);
  }
  const text = areaText?.trim();
  if (!text)
    throw errors.invalidInput('areaCode', {
      zh: '须给出区划代码或地区名称',
      en: 'give a division code or an area name',
    });
  if (text.length > 200)
    throw errors.invalidInput('areaText', { zh: '不能超过 200 个字符', en: 'must be at most 200 characters' });
  const resolution = resolveArea(text);
  switch (resolution.status) {
    case 'resolved':
      return { ...requireServiceLevel('areaText', resolution.division), via: 'resolver' };
    case 'ambiguous':
      throw new DomainError(
        'invalid_input',
        {
          zh: `areaText：「${text}」有多个可能的地区，请选择其一`,
          en: `areaText: "${text}" matches several areas; pick one`,
        },
        {
          field: 'areaText',
          problem: 'ambiguous',
          candidates: resolution.candidates.map((c) => ({ code: c.code, fullName: c.fullName })),
        },
      );
    case 'unresolved':
      throw errors.invalidInput('areaText', resolution.reason);
  }
}

/**
 * The warranty status of a serial on the day of intake (Shanghai date): `unknown` without a serial or for a serial
 * not in the registry.
 */
export async function warrantyAtIntake(
  db: Kysely<Database>,
  workspaceId: string,
  serial: string | null,
  atIso: string,
): Promise<string> {
  if (serial === null) return 'unknown';
  const row = await db
    .selectFrom('product_serials')
    .select(['purchased_on', 'warranty_months'])
    .where('workspace_id', '=', workspaceId)
    .where('serial', '=', serial)
    .executeTakeFirst();
  if (!row) return 'unknown';
  return warrantyStatus(
    {
      purchasedOn: row.purchased_on,
      warrantyMonths: row.warranty_months === null ? null : Number(row.warranty_months),
    },
    shanghaiDateOf(atIso),
  ).status;
}

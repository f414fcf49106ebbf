/**
 * A Chinese phone number in one canonical form, so that `+86 138-0013-8000`, `008613800138000` and `13800138000`
 * are the same number for lookups. Returns digits only, without the country code; mobile numbers come out as
 * 11 digits, landlines and 400/800 numbers as written without separators.
 * @example normalisePhone('+86 138 0013 8000') // '13800138000'
 */
export function normalisePhone(raw: string): string {
  let digits = raw.replace(/[^\d+]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits.replace(/\D/g, '');
}

/** A phone number masked for display: `138****8000`. */
export function maskPhone(raw: string): string {
  const digits = normalisePhone(raw);
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

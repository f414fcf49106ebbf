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

/** What kind of Chinese number a phone is, for telling an official hotline from anything else. */
export type PhoneKind =
  /** 11 digits starting 1[3-9]: a person's (or a technician's) mobile. */
  | 'mobile'
  /** 0 + area code (010, 02x, or 0xxx) + 7–8 digit local number. */
  | 'landline'
  /** 400 xxx xxxx: a business number billed to caller and company alike (scam pages favour these). */
  | 'service_400'
  /** 800 xxx xxxx: toll-free business number. */
  | 'service_800'
  /** 95xxx(x): nationwide short business numbers (banks, carriers, some brands). */
  | 'service_95'
  /** 1xxxx five-digit carrier and public-service numbers (10086, 12315). */
  | 'short';

/** A phone number read for verification: its canonical digits, kind and extension, or why it is not one. */
export type ParsedPhone =
  | {
      readonly ok: true;
      /** Canonical national digits: landlines with the trunk 0 (`01065529988`), the rest as dialled. */
      readonly number: string;
      readonly kind: PhoneKind;
      /** The landline's area code with its 0 (`010`, `0755`). */
      readonly areaCode?: string;
      /** Digits after 转 / ext / 分机 / `#`, when given. */
      readonly extension?: string;
      /** How people write it: `400-186-5909`, `138 0013 8000`, `010-6552 9988`. */
      readonly display: string;
    }
  | { readonly ok: false; readonly reason: { readonly zh: string; readonly en: string } };

/** Area codes of three digits with the 0: Beijing 010 and the 02x cities; every other area code has four. */
const THREE_DIGIT_AREA = /^0(10|2\d)/;
const EXTENSION_SPLIT = /\s*(?:转|轉|分机|分機|ext\.?|extension|x|#|,|，)\s*/i;

/**
 * Reads a phone number the way customers paste it from a web page or a text message — `400-1865-909`,
 * `4001865909`, `+86 400 186 5909`, `86-10-6552 9988`, `(010)65529988`, `138 0013 8000`, full-width digits
 * `４００…`, `…转 8001` — into one canonical form and a kind. A number that is not a plausible Chinese number
 * (too short, too long, letters) is refused with a reason rather than guessed.
 * @example parsePhone('+86 400 186 5909') // { ok: true, number: '4001865909', kind: 'service_400', … }
 */
export function parsePhone(raw: string): ParsedPhone {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return refuse('没有输入号码', 'No number given');
  const [written = '', ...rest] = text.split(EXTENSION_SPLIT);
  const extension = rest.join('').replace(/\D/g, '');
  let main = written;
  if (/[^\d\s()+\-.–—/]/.test(written)) {
    // Pasted with its label (`24小时服务热线：400-888-6699`): take the one number-shaped run, never several.
    const runs = written.match(/\+?\d[\d\s()\-.–—/]{4,}\d/g) ?? [];
    if (runs.length !== 1 || /[a-z]\s*[\d(]|\d\s*[a-z]/i.test(written))
      return refuse('号码里有数字以外的字符', 'The number has characters other than digits');
    main = runs[0] ?? '';
  }
  let digits = main.replace(/[^\d+]/g, '');
  if (digits.lastIndexOf('+') > 0) return refuse('“+”只能在号码开头', 'A “+” may only begin the number');
  let international = false;
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+86')) return refuse('不是中国大陆的号码（+86）', 'Not a mainland China number (+86)');
    digits = digits.slice(3);
    international = true;
  } else if (digits.startsWith('0086')) {
    digits = digits.slice(4);
    international = true;
  } else if (digits.startsWith('86') && digits.length >= 11 && !isNational(digits)) {
    digits = digits.slice(2);
    international = true;
  }
  // After a country code the trunk 0 is dropped (+86 10 6552 9988); some write it anyway (+86 (0)10 …).
  if (international && digits.startsWith('0') && !digits.startsWith('00')) digits = digits.slice(1);
  if (international && !isNational(digits) && !/^(1[3-9]\d{9}|[48]00\d{7}|95\d{3,6}|1\d{4})$/.test(digits))
    digits = `0${digits}`;
  if (/^1[3-9]\d{9}$/.test(digits))
    return ok(digits, 'mobile', extension, `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`);
  if (/^400\d{7}$/.test(digits))
    return ok(digits, 'service_400', extension, `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`);
  if (/^800\d{7}$/.test(digits))
    return ok(digits, 'service_800', extension, `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`);
  if (/^95\d{3,6}$/.test(digits)) return ok(digits, 'service_95', extension, digits);
  if (/^1\d{4}$/.test(digits)) return ok(digits, 'short', extension, digits);
  if (/^0[1-9]\d{8,10}$/.test(digits)) {
    const areaLength = THREE_DIGIT_AREA.test(digits) ? 3 : 4;
    const local = digits.slice(areaLength);
    if (local.length >= 7 && local.length <= 8 && /^[2-9]/.test(local)) {
      const areaCode = digits.slice(0, areaLength);
      const spaced =
        local.length === 8 ? `${local.slice(0, 4)} ${local.slice(4)}` : `${local.slice(0, 3)} ${local.slice(3)}`;
      return { ...ok(digits, 'landline', extension, `${areaCode}-${spaced}`), areaCode } as ParsedPhone;
    }
  }
  if (/^[2-9]\d{6,7}$/.test(digits))
    return refuse('座机号码缺少区号（如 010、0755）', 'A landline number needs its area code (such as 010 or 0755)');
  return refuse('不是有效的中国电话号码', 'Not a valid Chinese phone number');
}

/** Already a complete national number (so a leading 86 is part of it, not a country code). */
function isNational(digits: string): boolean {
  return /^(1[3-9]\d{9}|[48]00\d{7})$/.test(digits) || /^0[1-9]\d{8,10}$/.test(digits);
}

function ok(number: string, kind: PhoneKind, extension: string, display: string): ParsedPhone {
  return {
    ok: true,
    number,
    kind,
    ...(extension === '' ? {} : { extension }),
    display: extension === '' ? display : `${display} 转 ${extension}`,
  };
}

function refuse(zh: string, en: string): ParsedPhone {
  return { ok: false, reason: { zh, en } };
}

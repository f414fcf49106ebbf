import type { Bilingual } from '../errors.js';
import { parsePhone, type ParsedPhone, type PhoneKind } from '../phone.js';

/**
 * Official-channel verification (issue 8): a brand registers its hotlines and websites; its outlets (with their
 * phones) and technicians are official by being in its service network. A customer asks "is this number / website /
 * outlet / technician really the brand's?" with whatever they copied from a page or a text message, and the answer
 * is one of three verdicts: official (what it is), not official (with any look-alike hint), or an input that cannot be
 * read. Pure: the server loads the registry and adds the district's real channels.
 */

/** Kinds of channel a brand registers itself; outlets and technicians come from the service network. */
export const OFFICIAL_CHANNEL_KINDS = ['hotline', 'website'] as const;
export type OfficialChannelKind = (typeof OFFICIAL_CHANNEL_KINDS)[number];

/** What a verification query was read as. */
export const VERIFY_INPUT_KINDS = ['phone', 'website', 'technician_code', 'outlet_name', 'unreadable'] as const;
export type VerifyInputKind = (typeof VERIFY_INPUT_KINDS)[number];

/** What an official match is. */
export type OfficialMatchKind = 'hotline' | 'website' | 'outlet' | 'outlet_phone' | 'technician';

export const VERDICTS = ['official', 'not_official', 'unknown'] as const;
export type Verdict = (typeof VERDICTS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Websites

/** Second-level registries under which a brand's domain has three labels (`brand.com.cn`). */
const SECOND_LEVEL = new Set([
  'com.cn',
  'net.cn',
  'org.cn',
  'gov.cn',
  'edu.cn',
  'ac.cn',
  'com.hk',
  'com.tw',
  'co.uk',
  'co.jp',
  'com.au',
  'com.sg',
]);

export type ParsedWebsite =
  | {
      readonly ok: true;
      /** ASCII host (IDN as punycode), lower case, without `www.` and a trailing dot. */
      readonly host: string;
      /** The registrable domain: `service.brand.com.cn` → `brand.com.cn`. */
      readonly registrable: string;
      /** The host as the customer wrote it, lower case (may hold non-Latin letters). */
      readonly written: string;
      /** Whether the host holds non-ASCII letters (an internationalised name: a classic look-alike trick). */
      readonly internationalised: boolean;
    }
  | { readonly ok: false; readonly reason: Bilingual };

/**
 * Reads a website as written — `https://www.Brand.com.cn/service?x`, `brand.com.cn`, `ＢＲＡＮＤ．com`, an
 * internationalised name — into its ASCII host (punycode) and registrable domain. Path, query, port, `www.` and
 * scheme do not matter; only http(s) is a website.
 * @example parseWebsite('HTTPS://WWW.Dessmann.com.cn/contact').host // 'dessmann.com.cn'
 */
export function parseWebsite(raw: string): ParsedWebsite {
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/[。｡．]/g, '.')
    .toLowerCase();
  if (text === '') return refuse('没有输入网址', 'No website given');
  if (text.length > 2000) return refuse('网址过长', 'The website is too long');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(text)?.[1];
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https')
    return refuse('只能核验 http/https 网址', 'Only http(s) websites can be checked');
  const written = (scheme === undefined ? text : text.slice(scheme.length + 3)).split(/[/?#\s]/)[0] ?? '';
  const writtenHost = (written.includes('@') ? written.slice(written.lastIndexOf('@') + 1) : written).replace(
    /:\d*$/,
    '',
  );
  let url: URL;
  try {
    url = new URL(`http://${writtenHost}`);
  } catch {
    return refuse('不是有效的网址', 'Not a valid website address');
  }
  let host = url.hostname.replace(/\.$/, '');
  if (/^\d+(\.\d+){3}$/.test(host) || host.startsWith('['))
    return { ok: true, host, registrable: host, written: writtenHost, internationalised: false };
  const labels = host.split('.');
  if (labels.length < 2 || !/^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/.test(labels[labels.length - 1] ?? ''))
    return refuse('不是有效的网址（缺少域名后缀，如 .com）', 'Not a valid website (no suffix such as .com)');
  if (labels[0] === 'www' && labels.length > 2) host = labels.slice(1).join('.');
  return {
    ok: true,
    host,
    registrable: registrableDomain(host),
    written: writtenHost.replace(/^www\./, '').replace(/\.$/, ''),
    internationalised:
      [...writtenHost].some((ch) => ch.charCodeAt(0) > 0x7f) || host.split('.').some((l) => l.startsWith('xn--')),
  };
}

/** `a.b.brand.com.cn` → `brand.com.cn`; `x.brand.com` → `brand.com`. */
export function registrableDomain(host: string): string {
  const labels = host.split('.');
  const take = labels.length >= 3 && SECOND_LEVEL.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** Letters that look alike, folded to one skeleton letter (Cyrillic and Greek homoglyphs, digits for letters). */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ο: 'o',
  α: 'a',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  τ: 't',
  ɡ: 'g',
  '0': 'o',
  '1': 'l',
  '5': 's',
  í: 'i',
  ì: 'i',
  é: 'e',
  è: 'e',
  á: 'a',
  à: 'a',
  ó: 'o',
  ò: 'o',
};

/** The look-alike skeleton of a name: homoglyphs folded, `rn`→`m`, `vv`→`w`, `cl`→`d`, hyphens dropped. */
export function lookalikeSkeleton(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFKC').toLowerCase()) out += CONFUSABLES[ch] ?? ch;
  return out.replace(/i/g, 'l').replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/cl/g, 'd').replace(/-/g, '');
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as it is known to exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** Why a website that is not official looks like one of the brand's. */
export type LookalikeReason = 'homoglyph' | 'typo' | 'brand_in_other_domain' | 'other_suffix';

export interface LookalikeHint {
  readonly officialDomain: string;
  readonly reason: LookalikeReason;
  readonly text: Bilingual;
}

/** The brand label of a registrable domain: `dessmann.com.cn` → `dessmann`. */
function brandLabel(registrable: string): string {
  return registrable.split('.')[0] ?? registrable;
}

/**
 * Whether a website that is none of `officialDomains` imitates one: same skeleton with other letters (homoglyphs,
 * `rn` for `m`), one letter off, the brand's name inside another domain (`dessmann-400.com`,
 * `dessmann.com.repair-center.cn`), or the brand's name under another suffix (`dessmann.net`).
 */
export function lookalikeOf(
  site: ParsedWebsite & { ok: true },
  officialDomains: readonly string[],
): LookalikeHint | undefined {
  const label = brandLabel(site.registrable);
  const writtenLabel = brandLabel(registrableDomain(site.written));
  for (const domain of officialDomains) {
    const official = brandLabel(domain);
    if (official.length < 3) continue;
    if (label === official || writtenLabel === official)
      return hint(
        domain,
        'other_suffix',
        `与官方网址 ${domain} 同名但后缀不同`,
        `Same name as ${domain} under another suffix`,
      );
    if (lookalikeSkeleton(writtenLabel) === lookalikeSkeleton(official))
      return hint(
        domain,
        'homoglyph',
        `用形近字符冒充官方网址 ${domain}`,
        `Imitates ${domain} with look-alike characters`,
      );
    if (official.length >= 5 && editDistance(label, official, 1) <= 1)
      return hint(domain, 'typo', `与官方网址 ${domain} 只差一个字母`, `One letter away from ${domain}`);
    if (site.host.split(/[.-]/).includes(official) || (official.length >= 5 && site.host.includes(official)))
      return hint(
        domain,
        'brand_in_other_domain',
        `网址含有品牌名，但不属于官方网址 ${domain}`,
        `Carries the brand's name but is not under ${domain}`,
      );
  }
  return undefined;
}

function hint(officialDomain: string, reason: LookalikeReason, zh: string, en: string): LookalikeHint {
  return { officialDomain, reason, text: { zh, en } };
}

/** Whether `host` is `domain` or under it (`service.brand.com` is under `brand.com`). */
export function hostIsUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Technician codes

/** Crockford base32 (no I, L, O, U): what a technician code is written in. */
export const TECHNICIAN_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TECHNICIAN_CODE_LENGTH = 12;

/**
 * A technician code as printed under the QR (`7KQ2-M9XD-4TRB`) or typed loosely (`7kq2 m9xd 4trb`, `o` for `0`),
 * or a verification link carrying one (`…/verify?t=7KQ2M9XD4TRB`), in canonical form; undefined when it is not one.
 */
export function parseTechnicianCode(raw: string): string | undefined {
  const text = raw.normalize('NFKC').trim();
  const fromLink = /[?&#]t=([0-9a-z-]+)/i.exec(text)?.[1];
  const candidate = (fromLink ?? text).toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (candidate.length !== TECHNICIAN_CODE_LENGTH) return undefined;
  if (![...candidate].every((ch) => TECHNICIAN_CODE_ALPHABET.includes(ch))) return undefined;
  // Codes are issued with at least one letter, so twelve digits stay a (possibly wrong) phone number.
  if (!/[A-Z]/.test(candidate)) return undefined;
  return candidate;
}

/** `7KQ2M9XD4TRB` → `7KQ2-M9XD-4TRB`. */
export function formatTechnicianCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * A new technician code from random bytes (at least `TECHNICIAN_CODE_LENGTH`), with at least one letter.
 * @throws {RangeError} when too few bytes are given
 */
export function technicianCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < TECHNICIAN_CODE_LENGTH) throw new RangeError('Not enough random bytes for a technician code');
  const chars = [...bytes.slice(0, TECHNICIAN_CODE_LENGTH)].map((b) => TECHNICIAN_CODE_ALPHABET[b % 32] ?? '0');
  if (!chars.some((ch) => /[A-Z]/.test(ch))) chars[0] = TECHNICIAN_CODE_ALPHABET[10 + ((bytes[0] ?? 0) % 22)] ?? 'A';
  return chars.join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading an input

export type VerifyInput =
  | { readonly kind: 'phone'; readonly phone: ParsedPhone & { ok: true } }
  | { readonly kind: 'website'; readonly website: ParsedWebsite & { ok: true } }
  | { readonly kind: 'technician_code'; readonly code: string }
  | { readonly kind: 'outlet_name'; readonly name: string }
  | { readonly kind: 'unreadable'; readonly reason: Bilingual };

export const MAX_VERIFY_INPUT_CHARS = 200;

/**
 * What a customer typed or pasted, read as a phone number, a website, a technician code (or its link) or an outlet's
 * name. Anything else is unreadable, with a reason to show.
 */
export function readVerifyInput(raw: string): VerifyInput {
  const text = raw.normalize('NFKC').trim();
  if (text === '')
    return unreadable('请输入电话、网址、网点名称或师傅码', 'Enter a number, website, outlet name or technician code');
  if (text.length > MAX_VERIFY_INPUT_CHARS)
    return unreadable(
      `输入过长（最多 ${MAX_VERIFY_INPUT_CHARS} 字）`,
      `Too long (at most ${MAX_VERIFY_INPUT_CHARS} characters)`,
    );
  const code = parseTechnicianCode(text);
  if (code !== undefined) return { kind: 'technician_code', code };
  const looksLikeSite =
    /^(https?:\/\/|www\.)/i.test(text) ||
    /^[^\s@/]*[a-z\u00c0-\uffff][^\s@/]*\.[a-z\u00c0-\uffff-]{2,}(?:[/:?#]|$)/i.test(text);
  const digitCount = (text.match(/\d/g) ?? []).length;
  if (looksLikeSite && !/^[\d\s()+\-.]+$/.test(text)) {
    const website = parseWebsite(text);
    return website.ok ? { kind: 'website', website } : { kind: 'unreadable', reason: website.reason };
  }
  if (digitCount >= 3) {
    const phone = parsePhone(text);
    if (phone.ok) return { kind: 'phone', phone };
    if (digitCount >= 5 || !/[\u4e00-\u9fff]{2}/.test(text)) return { kind: 'unreadable', reason: phone.reason };
  }
  if ([...text].length >= 2 && /[\p{L}]/u.test(text)) return { kind: 'outlet_name', name: text };
  return unreadable(
    '无法识别为电话、网址、网点或师傅码',
    'Not readable as a number, website, outlet or technician code',
  );
}

function unreadable(zh: string, en: string): VerifyInput {
  return { kind: 'unreadable', reason: { zh, en } };
}

function refuse(zh: string, en: string): { ok: false; reason: Bilingual } {
  return { ok: false, reason: { zh, en } };
}

// ---------------------------------------------------------------------------------------------------------------
// The registry and the verdict

export interface RegisteredHotline {
  readonly id: string;
  /** Canonical digits from {@link parsePhone}. */
  readonly number: string;
  readonly label: string;
  /** The division it serves; null = nationwide. */
  readonly areaCode: string | null;
}

export interface RegisteredWebsite {
  readonly id: string;
  /** ASCII host from {@link parseWebsite}: the site and everything under it is official. */
  readonly domain: string;
  readonly label: string;
}

export interface RegisteredOutlet {
  readonly id: string;
  readonly name: string;
  readonly phones: readonly string[];
  readonly areaCode: string;
}

/** What the server loads of one brand to judge an input (technicians are matched by the server: codes, phones). */
export interface OfficialRegistry {
  readonly brand: string;
  readonly hotlines: readonly RegisteredHotline[];
  readonly websites: readonly RegisteredWebsite[];
  readonly outlets: readonly RegisteredOutlet[];
}

export interface OfficialMatch {
  readonly kind: OfficialMatchKind;
  /** The hotline's, website's, outlet's or technician's id. */
  readonly id: string;
  /** What to show: `全国服务热线`, the outlet's name, the technician's masked name. */
  readonly label: string;
  readonly outletId?: string;
}

export type VerifyOutcome =
  | { readonly verdict: 'official'; readonly match: OfficialMatch; readonly text: Bilingual }
  | { readonly verdict: 'not_official'; readonly lookalike?: LookalikeHint; readonly text: Bilingual }
  | { readonly verdict: 'unknown'; readonly text: Bilingual };

/**
 * Judges a phone number or website against the brand's registry: its hotlines (any extension of one is still it),
 * the phones of its outlets, its websites and every host under them. Technician codes and technicians' mobiles are
 * the server's to match (they need the database); for those and for outlet names this answers on what it can see.
 */
export function judgeAgainstRegistry(input: VerifyInput, registry: OfficialRegistry): VerifyOutcome {
  const brand = registry.brand;
  switch (input.kind) {
    case 'phone': {
      const number = input.phone.number;
      const hotline = registry.hotlines.find((h) => h.number === number);
      if (hotline)
        return official({ kind: 'hotline', id: hotline.id, label: hotline.label }, brand, `${hotline.label}`);
      for (const outlet of registry.outlets)
        for (const phone of outlet.phones) {
          const parsed = parsePhone(phone);
          if (parsed.ok && parsed.number === number)
            return official(
              { kind: 'outlet_phone', id: outlet.id, label: outlet.name, outletId: outlet.id },
              brand,
              `${outlet.name}的电话`,
              `the phone of ${outlet.name}`,
            );
        }
      const near = nearMissOf(
        number,
        registry.hotlines.map((h) => h.number),
      );
      const warning = phoneWarning(input.phone.kind);
      return notOfficial(
        brand,
        near === undefined
          ? warning
          : {
              zh: `它与官方号码 ${near} 只差一位，这是仿冒号码的常见手法。${warning.zh}`,
              en: `It is one digit away from the official ${near}, a common trick of impersonators. ${warning.en}`,
            },
      );
    }
    case 'website': {
      const site = input.website;
      const match = registry.websites.find((w) => hostIsUnder(site.host, w.domain));
      if (match) return official({ kind: 'website', id: match.id, label: match.label }, brand, match.label);
      const lookalike = lookalikeOf(
        site,
        registry.websites.map((w) => w.domain),
      );
      return {
        verdict: 'not_official',
        ...(lookalike ? { lookalike } : {}),
        text: {
          zh: `这不是${brand}的官方网址${lookalike ? `：${lookalike.text.zh}` : ''}`,
          en: `This is not an official website of ${brand}${lookalike ? `: ${lookalike.text.en}` : ''}`,
        },
      };
    }
    case 'outlet_name': {
      const wanted = squash(input.name);
      const outlet =
        registry.outlets.find((o) => squash(o.name) === wanted) ??
        (wanted.length >= 4 ? registry.outlets.find((o) => squash(o.name).includes(wanted)) : undefined);
      if (outlet)
        return official({ kind: 'outlet', id: outlet.id, label: outlet.name, outletId: outlet.id }, brand, outlet.name);
      return {
        verdict: 'not_official',
        text: {
          zh: `${brand}没有登记名为「${input.name}」的网点`,
          en: `${brand} has no registered outlet named “${input.name}”`,
        },
      };
    }
    case 'technician_code':
      return {
        verdict: 'not_official',
        text: {
          zh: '此师傅码无效或已过期，上门人员可能不是官方师傅',
          en: 'This technician code is invalid or expired; the visitor may not be an official technician',
        },
      };
    case 'unreadable':
      return { verdict: 'unknown', text: input.reason };
  }
}

function official(match: OfficialMatch, brand: string, whatZh: string, whatEn?: string): VerifyOutcome {
  return {
    verdict: 'official',
    match,
    text: {
      zh: `这是${brand}的官方渠道：${whatZh}`,
      en: `This is an official channel of ${brand}: ${whatEn ?? whatZh}`,
    },
  };
}

function notOfficial(brand: string, extra: Bilingual): VerifyOutcome {
  return {
    verdict: 'not_official',
    text: {
      zh: `这不是${brand}登记的官方号码。${extra.zh}`,
      en: `This is not a number ${brand} registered. ${extra.en}`,
    },
  };
}

/**
 * The official number `number` imitates by one changed digit or two swapped neighbours (`4001865900`,
 * `4001865990` for `4001865909`), shown as written; undefined when none is that close.
 */
export function nearMissOf(number: string, officialNumbers: readonly string[]): string | undefined {
  for (const official of officialNumbers) {
    if (official.length !== number.length || official === number) continue;
    const diff = [...official].flatMap((ch, i) => (ch === number[i] ? [] : [i]));
    const swapped =
      diff.length === 2 &&
      diff[1] === (diff[0] ?? 0) + 1 &&
      official[diff[0] ?? 0] === number[diff[1] ?? 0] &&
      official[diff[1] ?? 0] === number[diff[0] ?? 0];
    if (diff.length === 1 || swapped) {
      const parsed = parsePhone(official);
      return parsed.ok ? parsed.display : official;
    }
  }
  return undefined;
}

/** What to tell a customer about a number that is not official, by its kind. */
export function phoneWarning(kind: PhoneKind): Bilingual {
  switch (kind) {
    case 'service_400':
    case 'service_800':
    case 'service_95':
      return {
        zh: '冒充品牌的“全国维修热线”常用此类号码，请勿拨打或付款，请使用下方官方渠道。',
        en: 'Pages posing as a brand’s “national repair hotline” often use such numbers; do not call or pay, use the official channels below.',
      };
    case 'mobile':
      return {
        zh: '这不是登记的师傅手机号。上门前请让师傅出示工单上的师傅码。',
        en: 'It is not a registered technician’s mobile. Ask the technician for the code on their work order.',
      };
    case 'landline':
    case 'short':
      return { zh: '请通过下方官方渠道联系。', en: 'Please use the official channels below.' };
  }
}

function squash(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s()（）·\-—]/g, '')
    .toLowerCase();
}

/**
 * Whether a hotline serves a district: nationwide ones always, regional ones when the district is the hotline's
 * division or under it (by the code's digits: province `PP0000`, prefecture `PPCC00`, county, township).
 */
export function hotlineServes(hotlineArea: string | null, districtCode: string | null): boolean {
  if (hotlineArea === null) return true;
  if (districtCode === null) return false;
  const prefix = hotlineArea.endsWith('0000')
    ? hotlineArea.slice(0, 2)
    : hotlineArea.endsWith('00')
      ? hotlineArea.slice(0, 4)
      : hotlineArea;
  return districtCode.startsWith(prefix);
}

/**
 * Checks a hotline or website an admin registers and returns its canonical value (phone digits or ASCII host) and a
 * display form; a mobile is refused (technicians' mobiles are registered as technicians, not hotlines).
 */
export function normaliseOfficialValue(
  kind: OfficialChannelKind,
  raw: string,
): { ok: true; value: string; display: string } | { ok: false; reason: Bilingual } {
  if (kind === 'hotline') {
    const phone = parsePhone(raw);
    if (!phone.ok) return phone;
    if (phone.kind === 'mobile')
      return refuse(
        '手机号不能登记为热线（师傅手机号请登记在师傅资料中）',
        'A mobile cannot be a hotline (register technicians’ mobiles on the technician)',
      );
    if (phone.extension !== undefined)
      return refuse('热线请不带分机号登记', 'Register the hotline without an extension');
    return { ok: true, value: phone.number, display: phone.display };
  }
  const site = parseWebsite(raw);
  if (!site.ok) return site;
  if (/^\d|^\[/.test(site.host) && /^[\d.]+$|^\[/.test(site.host))
    return refuse('官方网址须为域名，不能是 IP 地址', 'An official website must be a domain name, not an IP address');
  return { ok: true, value: site.host, display: site.host };
}

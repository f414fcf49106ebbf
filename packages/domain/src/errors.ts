/**
 * Typed domain errors. Every error the services raise on purpose carries a `code` from this fixed union; the HTTP
 * layer maps each code to a status in exactly one place (`apps/server/src/http/error-handler.ts`), and a
 * `Record<DomainErrorCode, number>` there fails to compile when a code is added here without a mapping.
 */
export const DOMAIN_ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_state',
  'idempotency_mismatch',
  'link_expired',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A bilingual message: zh-CN first, English second. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** An error the product raises on purpose, with a stable code, a bilingual message and optional details. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    readonly text: Bilingual,
    readonly details?: Readonly<Record<string, unknown>>,
    options?: ErrorOptions,
  ) {
    super(text.en, options);
  }
}

/** Builders so every message of a kind reads alike. */
export const errors = {
  notFound: (what: string, id: string): DomainError =>
    new DomainError('not_found', { zh: `未找到${zhNoun(what)}：${id}`, en: `No ${what} with id ${id}` }, { what, id }),
  invalidState: (what: string, from: string, action: string): DomainError =>
    new DomainError(
      'invalid_state',
      {
        zh: `${zhNoun(what)}当前状态为「${from}」，不能执行「${action}」`,
        en: `The ${what} is ${from}; "${action}" is not allowed in that state`,
      },
      { what, from, action },
    ),
  invalidInput: (field: string, problem: Bilingual): DomainError =>
    new DomainError(
      'invalid_input',
      { zh: `${field}：${problem.zh}`, en: `${field}: ${problem.en}` },
      { field, problem: problem.en },
    ),
  conflict: (text: Bilingual, details?: Record<string, unknown>): DomainError =>
    new DomainError('conflict', text, details),
  forbidden: (action: string): DomainError =>
    new DomainError('forbidden', { zh: `无权执行此操作：${action}`, en: `Not allowed: ${action}` }, { action }),
  unauthenticated: (): DomainError =>
    new DomainError('unauthenticated', { zh: '请先登录或提供有效凭证', en: 'Sign in or present a valid credential' }),
};

const ZH_NOUNS: Readonly<Record<string, string>> = {
  claim: '售后申请',
  evidence: '证据照片',
  order: '订单',
  product: '商品',
  buyer: '买家',
  user: '用户',
  workspace: '工作区',
  'reference photo': '参考照片',
  'api key': 'API 密钥',
  job: '任务',
};
function zhNoun(what: string): string {
  return ZH_NOUNS[what] ?? what;
}

import { inspect } from 'node:util';
import { DomainError, type Bilingual, type DomainErrorCode } from '@proofdesk/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from './schemas/common.schemas.js';

/** The one place a domain error code becomes an HTTP status. A code without a status fails to compile. */
export const HTTP_STATUS: Readonly<Record<DomainErrorCode, number>> = {
  invalid_input: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  idempotency_mismatch: 409,
  link_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

type ErrorCode = ErrorBody['error']['code'];

/** Fastify's own request errors, and what the client is told about each. */
const FASTIFY_ERRORS: Readonly<Record<string, { code: ErrorCode; status: number; text: Bilingual }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'malformed_request',
    status: 400,
    text: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'malformed_request',
    status: 400,
    text: {
      zh: 'Content-Type 为 application/json 但请求体为空',
      en: 'The body is empty but Content-Type says application/json',
    },
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'malformed_request',
    status: 400,
    text: { zh: 'Content-Length 与请求体长度不符', en: 'Content-Length does not match the body' },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    status: 413,
    text: { zh: '请求体过大', en: 'The request body is too large' },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    status: 415,
    text: { zh: '不支持的 Content-Type', en: 'Unsupported Content-Type' },
  },
  FST_REQ_FILE_TOO_LARGE: {
    code: 'payload_too_large',
    status: 413,
    text: { zh: '上传的文件过大', en: 'The uploaded file is too large' },
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'unsupported_media_type',
    status: 415,
    text: { zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' },
  },
  FST_FILES_LIMIT: {
    code: 'payload_too_large',
    status: 413,
    text: { zh: '一次只能上传一个文件', en: 'Upload one file per request' },
  },
  FST_PARTS_LIMIT: {
    code: 'payload_too_large',
    status: 413,
    text: { zh: '表单字段过多', en: 'Too many form parts' },
  },
  FST_ERR_RATE_LIMITED: {
    code: 'rate_limited',
    status: 429,
    text: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  },
};

function body(request: FastifyRequest, code: ErrorCode, message: Bilingual, details?: Record<string, unknown>) {
  const error: ErrorBody['error'] = { code, message, requestId: String(request.id) };
  return { error: details ? { ...error, details } : error } satisfies ErrorBody;
}

/** One field-level problem of a request that failed its schema. */
export interface FieldError {
  /** `body.items.0.amountFen`, `querystring.limit`, `params.id`. */
  readonly field: string;
  readonly message: string;
}

function fieldErrors(error: FastifyError): FieldError[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    return { field: [where, ...path].join('.'), message: v.message ?? 'invalid' };
  });
}

/** The error causes of an error, outermost first, for the log. */
function causeChain(error: unknown): string[] {
  const chain: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 8; depth++) {
    chain.push(e instanceof Error ? `${e.name}: ${e.message}` : inspect(e, { depth: 2 }));
    e = e instanceof Error ? e.cause : undefined;
  }
  return chain;
}

/**
 * Fastify's error handler: domain errors by `HTTP_STATUS`, schema failures 422 with the field errors, malformed or
 * oversized bodies 400/413/415, and anything else a generic 500 naming the request id, logged with its causes.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) {
    const status = HTTP_STATUS[error.code];
    if (status === 429) request.log.warn({ code: error.code }, 'rate limited');
    return reply
      .code(status)
      .send(body(request, error.code, error.text, error.details ? { ...error.details } : undefined));
  }
  if (hasZodFastifySchemaValidationErrors(error) || (error.validation && error.code === 'FST_ERR_VALIDATION')) {
    const fields = fieldErrors(error);
    const list = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return reply
      .code(422)
      .send(
        body(
          request,
          'invalid_input',
          { zh: `请求内容不符合要求（${list}）`, en: `The request does not match its schema (${list})` },
          { fields },
        ),
      );
  }
  const known = typeof error.code === 'string' ? FASTIFY_ERRORS[error.code] : undefined;
  if (known) return reply.code(known.status).send(body(request, known.code, known.text));
  if (error.statusCode === 429) {
    const rate = FASTIFY_ERRORS.FST_ERR_RATE_LIMITED;
    if (rate) return reply.code(429).send(body(request, rate.code, rate.text));
  }
  if (
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode < 500 &&
    error.statusCode !== 429
  )
    return reply
      .code(error.statusCode)
      .send(
        body(request, 'malformed_request', { zh: `请求无效：${error.message}`, en: `Bad request: ${error.message}` }),
      );
  if (isResponseSerializationError(error))
    request.log.error(
      { err: error, issues: error.cause.issues, causes: causeChain(error) },
      'response failed its schema',
    );
  else request.log.error({ err: error, causes: causeChain(error) }, 'unexpected error');
  return reply.code(500).send(
    body(request, 'internal', {
      zh: `服务器内部错误，请求编号 ${String(request.id)}`,
      en: `Internal error; request id ${String(request.id)}`,
    }),
  );
}

/** The 404 for paths no route matches, in the same error shape. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send(
    body(request, 'not_found', {
      zh: `没有此接口：${request.method} ${request.url.split('?')[0] ?? ''}`,
      en: `No such endpoint: ${request.method} ${request.url.split('?')[0] ?? ''}`,
    }),
  );
}

import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Log paths that may carry contact data or secrets; pino replaces them with `[redacted]`. Services never log
 * contact fields on purpose: this is the net under that rule.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'name',
  'phone',
  'address',
  '*.password',
  '*.name',
  '*.phone',
  '*.address',
  '*.contact',
  'contact',
  'cookie',
  'authorization',
];

/** The server's pino logger: JSON lines, request ids as `reqId`, contact fields and credentials redacted. */
export function createHttpLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.errWithCause },
    },
    options.destination,
  );
}

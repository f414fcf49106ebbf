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

/**
 * A URL with the value of any `token` query parameter (buyer links) and a repair customer's status-link token (a path
 * segment of `/public/repair-orders/…`) replaced: they are credentials.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&]token=)[^&#]*/gi, '$1[redacted]')
    .replace(/(\/public\/(?:repair-orders|complaints)\/)[^/?#]+/g, '$1[redacted]');
}

interface LoggedRequest {
  readonly method?: string;
  readonly url?: string;
  readonly host?: string;
  readonly ip?: string;
  readonly socket?: { readonly remotePort?: number };
}

/** The server's pino logger: JSON lines, request ids as `requestId`, contact fields and credentials redacted. */
export function createHttpLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      serializers: {
        err: pino.stdSerializers.errWithCause,
        req: (req: LoggedRequest) => ({
          method: req.method,
          url: redactUrl(req.url ?? ''),
          host: req.host,
          remoteAddress: req.ip,
          remotePort: req.socket?.remotePort,
        }),
      },
    },
    options.destination,
  );
}

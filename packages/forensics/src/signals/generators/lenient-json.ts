/** Text longer than this is not parsed as JSON (a PNG text chunk is at most 8 MiB; a workflow is far smaller). */
export const MAX_JSON_CHARS = 8 * 1024 * 1024;

/** Integers with this many digits or more may exceed 2^53 and are kept as strings (ComfyUI seeds reach 2^64). */
const BIG_INTEGER_DIGITS = 16;

/**
 * Rewrites JSON text so that `JSON.parse` keeps what Python's `json.dumps` writes: integer literals that may
 * exceed 2^53 become strings (so seeds stay exact), and bare `NaN` / `Infinity` / `-Infinity` become `null`.
 * Characters inside string literals are never touched.
 */
function protectLiterals(json: string): string {
  const numberAt = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
  const wordAt = /-?Infinity|NaN/y;
  let out = '';
  let copiedTo = 0;
  let i = 0;
  while (i < json.length) {
    const c = json.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i++;
      while (i < json.length && json.charCodeAt(i) !== 0x22) i += json.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      i++;
      continue;
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2d /* - */) {
      numberAt.lastIndex = i;
      const literal = numberAt.exec(json)?.[0];
      if (literal) {
        if (!/[.eE]/.test(literal) && literal.replace('-', '').length >= BIG_INTEGER_DIGITS) {
          out += `${json.slice(copiedTo, i)}"${literal}"`;
          copiedTo = i + literal.length;
        }
        i += literal.length;
        continue;
      }
    }
    if (c === 0x4e /* N */ || c === 0x49 /* I */ || c === 0x2d) {
      wordAt.lastIndex = i;
      const word = wordAt.exec(json)?.[0];
      if (word) {
        out += `${json.slice(copiedTo, i)}null`;
        copiedTo = i + word.length;
        i = copiedTo;
        continue;
      }
    }
    i++;
  }
  return copiedTo === 0 ? json : out + json.slice(copiedTo);
}

/**
 * Parses JSON written by image generators, leniently: big integers are kept as exact decimal strings, Python's
 * `NaN`/`Infinity` read as `null`, and anything that is not JSON (or is too long) yields `undefined`. Never throws.
 * @example parseLenientJson('{"seed": 6952411511246973023}') // { seed: '6952411511246973023' }
 */
export function parseLenientJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_JSON_CHARS) return undefined;
  const first = trimmed[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(protectLiterals(trimmed)) as unknown;
  } catch {
    return undefined;
  }
}

/** A plain JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** Whether a parsed JSON value is a plain object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses JSON text and returns it only when it is an object. */
export function parseJsonObject(text: string): JsonObject | undefined {
  const value = parseLenientJson(text);
  return isJsonObject(value) ? value : undefined;
}

import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const SCHEMA_REF = '#/components/schemas/';
const INPUT_SUFFIX = 'Input';

interface OpenApiLike {
  readonly paths?: unknown;
  readonly components?: { readonly schemas?: Readonly<Record<string, unknown>> };
}

/** A copy of `value` with every `$ref` to a schema renamed by `rename` (names it does not know stay). */
function renameRefs(value: unknown, rename: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, rename));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const target =
      key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF)
        ? rename.get(child.slice(SCHEMA_REF.length))
        : undefined;
    out[key] = target === undefined ? renameRefs(child, rename) : `${SCHEMA_REF}${target}`;
  }
  return out;
}

/** Adds the names of the schemas `value` refers to. */
function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, into);
  else if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF))
        into.add(child.slice(SCHEMA_REF.length));
      else collectRefs(child, into);
    }
}

/** JSON with object keys sorted, so two schemas compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Removes the duplicate `*Input` component schemas that fastify-type-provider-zod writes: it registers every schema
 * with an id twice, as read (`X`, output) and as accepted (`XInput`, input), whether or not a request uses it. An
 * `XInput` that says exactly what `X` says is replaced by `X` wherever it is referenced; one that no path reaches
 * (a response-only schema's input twin) is dropped. An `XInput` a request uses that differs from `X` (zod's output
 * forbids unknown properties, its input strips them) stays: it is what the request accepts.
 */
export function dedupeInputSchemas<T extends OpenApiLike>(document: T): T {
  let schemas: Record<string, unknown> = { ...(document.components?.schemas ?? {}) };
  let paths = document.paths;
  const isTwin = (name: string): boolean =>
    name.endsWith(INPUT_SUFFIX) && name.slice(0, -INPUT_SUFFIX.length) in schemas;
  for (;;) {
    const alias = new Map<string, string>();
    for (const name of Object.keys(schemas))
      if (isTwin(name) && canonical(schemas[name]) === canonical(schemas[name.slice(0, -INPUT_SUFFIX.length)]))
        alias.set(name, name.slice(0, -INPUT_SUFFIX.length));
    if (alias.size === 0) break;
    schemas = Object.fromEntries(
      Object.entries(schemas)
        .filter(([name]) => !alias.has(name))
        .map(([name, schema]) => [name, renameRefs(schema, alias)]),
    );
    paths = renameRefs(paths, alias);
  }
  const reached = new Set<string>();
  collectRefs(paths, reached);
  for (let grew = true; grew;) {
    const size = reached.size;
    for (const name of [...reached]) collectRefs(schemas[name], reached);
    grew = reached.size > size;
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => !isTwin(name) || reached.has(name)));
  return { ...document, paths, components: { ...document.components, schemas: kept } };
}

/** `jsonSchemaTransformObject`, then {@link dedupeInputSchemas}: the `transformObject` of `@fastify/swagger`. */
export const openApiTransformObject: typeof jsonSchemaTransformObject = (input) =>
  dedupeInputSchemas(jsonSchemaTransformObject(input) as OpenApiLike) as ReturnType<typeof jsonSchemaTransformObject>;

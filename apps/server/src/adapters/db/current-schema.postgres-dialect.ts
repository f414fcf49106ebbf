/**
 * PostgreSQL for Kysely, with an introspector that reads only the connection's current schema.
 *
 * Kysely's own introspector lists the tables of every schema in the database and calls `has_schema_privilege` and
 * `pg_get_serial_sequence` on each by name; a schema or table another client drops while that query runs (a sibling
 * tenant's schema, or a test suite cleaning up beside another one) fails it with "schema … does not exist", and the
 * migrator with it. The migrator only asks whether its two tables exist in the current schema, so this introspector
 * answers exactly that, from the catalog, without calling anything on other schemas' names.
 */
import {
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

/** Tables and views of the current schema (no column details: the migrator needs names only). */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(this.db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
      order by c.relname`.execute(this.db);
    return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/** {@link PostgresDialect} whose introspection stays in the current schema (see the file's comment). */
export class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

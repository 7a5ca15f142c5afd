/**
 * The shape of a Drizzle table, engine-neutral: column names, kinds, nullability, defaults,
 * enum values, keys, indexes and foreign keys, as plain data, so the SQLite schema and the
 * PostgreSQL one can be compared with one `toEqual` (tests/unit/schema-parity.test.ts).
 */
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { is, type Column } from 'drizzle-orm';

/** What a column holds, as the app sees it: the two engines' column classes map onto these. */
type Kind = 'integer' | 'epoch-ms' | 'epoch-ms-date' | 'double' | 'boolean' | 'text' | 'json';

export interface ColumnShape {
  name: string;
  kind: Kind;
  notNull: boolean;
  hasDefault: boolean;
  /** autoincrement on SQLite, an identity column on PostgreSQL */
  generatedId: boolean;
  enumValues: string[] | null;
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  primaryKey: string[];
  /** "name(col,col)" of every unique index or constraint */
  unique: string[];
  /** "name(col,col)" of every other index */
  indexes: string[];
  /** "col,col -> table(col,col) on delete X" */
  foreignKeys: string[];
}

// SQLite stores every epoch-ms time in `integer`; which integers are times is in the column name.
const TIME_COLUMN = /(_at|^due|^due_after|^last_review|^window_start|^locked_until)$/;

function sqliteKind(column: Column): Kind {
  switch (column.columnType) {
    case 'SQLiteInteger':
      return TIME_COLUMN.test(column.name) ? 'epoch-ms' : 'integer';
    case 'SQLiteTimestamp':
      return 'epoch-ms-date';
    case 'SQLiteReal':
      return 'double';
    case 'SQLiteBoolean':
      return 'boolean';
    case 'SQLiteText':
      return 'text';
    case 'SQLiteTextJson':
      return 'json';
    default:
      throw new Error(`No kind for SQLite column ${column.name} of type ${column.columnType}`);
  }
}

function pgKind(column: Column): Kind {
  switch (column.columnType) {
    case 'PgInteger':
      return 'integer';
    case 'PgBigInt53':
      return 'epoch-ms';
    case 'PgCustomColumn':
      if (column.getSQLType() === 'bigint') return 'epoch-ms-date';
      break;
    case 'PgDoublePrecision':
      return 'double';
    case 'PgBoolean':
      return 'boolean';
    case 'PgText':
      return 'text';
    case 'PgJsonb':
      return 'json';
  }
  throw new Error(`No kind for PostgreSQL column ${column.name} of type ${column.columnType} (${column.getSQLType()})`);
}

const names = (columns: { name: string }[]) => columns.map((c) => c.name).join(',');

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function shape(config: Config, kindOf: (c: Column) => Kind, generatedId: (c: Column) => boolean, hasDefault = (c: Column) => c.hasDefault): TableShape {
  const columns = config.columns as Column[];
  const tablePk = config.primaryKeys[0]?.columns ?? [];
  const unique = [
    ...columns.filter((c) => c.isUnique).map((c) => `${c.uniqueName}(${c.name})`),
    ...config.uniqueConstraints.map((u) => `${u.name}(${names(u.columns)})`),
  ];
  const indexes: string[] = [];
  for (const index of config.indexes) {
    const cols = index.config.columns.map((c) => ('name' in c ? String(c.name) : '<expression>'));
    (index.config.unique ? unique : indexes).push(`${index.config.name}(${cols.join(',')})`);
  }
  return {
    name: config.name,
    columns: columns.map((c) => ({
      name: c.name,
      kind: kindOf(c),
      notNull: c.notNull,
      hasDefault: hasDefault(c),
      generatedId: generatedId(c),
      enumValues: c.enumValues ?? null,
    })),
    primaryKey: tablePk.length > 0 ? tablePk.map((c) => c.name) : columns.filter((c) => c.primary).map((c) => c.name),
    unique: unique.sort(),
    indexes: indexes.sort(),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        const target = is(ref.foreignTable, PgTable) ? pgConfig(ref.foreignTable).name : sqliteConfig(ref.foreignTable as SQLiteTable).name;
        return `${names(ref.columns)} -> ${target}(${names(ref.foreignColumns)}) on delete ${fk.onDelete ?? 'no action'}`;
      })
      .sort(),
  };
}

const sqliteAutoIncrement = (c: Column) => (c as Column & { autoIncrement?: boolean }).autoIncrement === true;

export function sqliteTableShape(table: SQLiteTable): TableShape {
  // Drizzle marks every SQLite INTEGER PRIMARY KEY as defaulted (it aliases the rowid), even a
  // user_settings.user_id that must name a user: only a declared default or autoincrement counts.
  const hasDefault = (c: Column) => c.hasDefault && (c.default !== undefined || sqliteAutoIncrement(c) || !c.primary);
  return shape(sqliteConfig(table), sqliteKind, sqliteAutoIncrement, hasDefault);
}

export function pgTableShape(table: PgTable): TableShape {
  return shape(pgConfig(table), pgKind, (c) => (c as Column & { generatedIdentity?: unknown }).generatedIdentity !== undefined);
}

/** Every table a schema module exports, by SQL name. */
export function tablesOf<T>(module: Record<string, unknown>, isTable: (value: unknown) => value is T, nameOf: (t: T) => string): Map<string, T> {
  const tables = new Map<string, T>();
  for (const value of Object.values(module)) if (isTable(value)) tables.set(nameOf(value), value);
  return tables;
}

import { type InArgs, type InStatement, LibsqlError, type ResultSet, type Row } from "@libsql/client";
import Database from "libsql";

/** Statements kept prepared; past this, the kept ones are dropped and prepared again as they come. */
const MAX_STATEMENTS = 256;

type Connection = Database.Database;
type Statement = Database.Statement;
interface Kept {
  statement: Statement;
  columns: string[];
  columnTypes: string[];
  rowOf: (values: unknown[]) => Row;
}

export interface KeptStatementReader {
  /**
   * Runs one read-only statement (a SELECT) to its end, as `Client.execute` would; undefined for a statement
   * that writes (`WITH … INSERT`), which is not kept and must go to the client.
   */
  execute(statement: InStatement | string, args?: InArgs): ResultSet | undefined;
  /**
   * The first row of a read-only statement as raw values (integers as bigints), null when it has none; undefined
   * for a statement that writes. For a read of one row, which stepping it once answers without the work of a
   * result set.
   */
  first(sql: string, args: InArgs): unknown[] | null | undefined;
  close(): void;
}

/**
 * Reads of a local database file on a connection of their own that keeps each statement prepared. libSQL's
 * client prepares every statement anew; for the short reads that requests make (a probe of versions, a token),
 * preparing took longer than running. Only reads outside a transaction come here, and each is stepped to its
 * end, so the connection never holds a read snapshot between statements: every read sees what was committed
 * before it started, as on the client's own connections.
 */
export function keptStatementReader(file: string, options: { timeoutMs: number }): KeptStatementReader {
  let connection: Connection | undefined;
  let closed = false;
  const kept = new Map<string, Kept>();

  function dropConnection() {
    kept.clear();
    connection?.close();
    connection = undefined;
  }

  function prepared(sql: string): Kept | undefined {
    const found = kept.get(sql);
    if (found) return found;
    connection ??= new Database(file, { timeout: options.timeoutMs });
    if (kept.size >= MAX_STATEMENTS) kept.clear();
    const statement = connection.prepare(sql);
    if (!statement.reader) return undefined;
    statement.safeIntegers(true);
    statement.raw(true);
    const entry = { statement, ...columnsOf(statement) };
    kept.set(sql, entry);
    return entry;
  }

  /** Runs `read` on the statement kept for `sql`; undefined when it is not kept (closed, or it writes). */
  function onKept<T>(sql: string, read: (entry: Kept) => T): T | undefined {
    if (closed) return undefined;
    try {
      const entry = prepared(sql);
      return entry ? read(entry) : undefined;
    } catch (error) {
      // A statement that failed may not have been reset, and would hold the connection's snapshot: the
      // connection and its statements go, and the next read opens another.
      dropConnection();
      throw libsqlErrorOf(error);
    }
  }

  return {
    execute(statement, args) {
      const sql = typeof statement === "string" ? statement : statement.sql;
      const given = typeof statement === "string" ? (args ?? []) : (statement.args ?? []);
      return onKept(sql, (entry) => {
        const raw = entry.statement.all(argsToSql(given)) as unknown[][];
        // A statement whose result changed shape (a `*` after another process migrated the file) says so.
        if (raw.length > 0 && raw[0]!.length !== entry.columns.length) {
          Object.assign(entry, columnsOf(entry.statement));
        }
        const rows = raw.map(entry.rowOf);
        return resultSet(entry.columns, entry.columnTypes, rows);
      });
    },
    first(sql, args) {
      return onKept(sql, (entry) => (entry.statement.get(argsToSql(args)) as unknown[] | undefined) ?? null);
    },
    close() {
      closed = true;
      dropConnection();
    },
  };
}

function columnsOf(statement: Statement) {
  const definitions = statement.columns();
  const columns = definitions.map((column: Database.ColumnDefinition) => column.name);
  return {
    columns,
    columnTypes: definitions.map((column: Database.ColumnDefinition) => column.type ?? ""),
    rowOf: rowMaker(columns),
  };
}

function argsToSql(args: InArgs): unknown[] | Record<string, unknown> {
  if (Array.isArray(args)) return args.map(valueToSql);
  const named: Record<string, unknown> = {};
  for (const name in args) {
    const bare = name[0] === "@" || name[0] === "$" || name[0] === ":" ? name.substring(1) : name;
    named[bare] = valueToSql(args[name]);
  }
  return named;
}

/** As libSQL's client converts an argument (its default `intMode: "number"`). */
function valueToSql(value: unknown): unknown {
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new RangeError("Only finite numbers (not Infinity or NaN) can be passed as arguments");
    return value;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError("undefined cannot be passed as argument to the database");
  return value;
}

/** As libSQL's client converts a value read: integers to numbers (refusing what a number cannot hold exactly). */
function valueFromSql(value: unknown): unknown {
  if (typeof value === "bigint") {
    if (value < Number.MIN_SAFE_INTEGER || value > Number.MAX_SAFE_INTEGER) {
      throw new RangeError("Received integer which cannot be safely represented as a JavaScript number");
    }
    return Number(value);
  }
  if (value instanceof Buffer) return value.buffer;
  return value;
}

/**
 * Rows shaped as libSQL's client shapes them — values by column name (enumerable, own) and by index with a
 * `length` (not enumerable) — but built for a division's worth of rows: the names are plain properties, and the
 * index and `length` are read through a prototype shared by all rows of the statement. Column names that the
 * prototype could not serve (a name repeated, `length`, a number) get the client's own shape.
 */
function rowMaker(columns: string[]): (values: unknown[]) => Row {
  const plain =
    new Set(columns).size === columns.length &&
    columns.every((name) => name !== "length" && !/^\d+$/.test(name) && name !== "__proto__");
  if (!plain) return (values) => rowOf(values, columns);
  const prototype: Record<string | number, unknown> = {};
  Object.defineProperty(prototype, "length", { get: () => columns.length });
  columns.forEach((name, index) => {
    Object.defineProperty(prototype, index, {
      get(this: Record<string, unknown>) {
        return this[name];
      },
    });
  });
  return (values) => {
    const row = Object.create(prototype) as Record<string, unknown>;
    for (let i = 0; i < values.length; i++) row[columns[i]!] = valueFromSql(values[i]);
    return row as unknown as Row;
  };
}

/** A row as libSQL's client shapes it: values by index (not enumerable) and by column name (the first of a name). */
function rowOf(values: unknown[], columns: string[]): Row {
  const row = {};
  Object.defineProperty(row, "length", { value: values.length });
  for (let i = 0; i < values.length; i++) {
    const value = valueFromSql(values[i]);
    Object.defineProperty(row, i, { value });
    const column = columns[i]!;
    if (!Object.hasOwn(row, column)) {
      Object.defineProperty(row, column, { value, enumerable: true, configurable: true, writable: true });
    }
  }
  return row as Row;
}

function resultSet(columns: string[], columnTypes: string[], rows: Row[]): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected: 0,
    lastInsertRowid: undefined,
    toJSON: () => ({
      columns,
      columnTypes,
      rows: rows.map((row) => Array.prototype.map.call(row, valueToJson)),
      rowsAffected: 0,
      lastInsertRowid: null,
    }),
  };
}

const valueToJson = (value: unknown) =>
  value instanceof ArrayBuffer ? Buffer.from(value).toString("base64") : value;

function libsqlErrorOf(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const { code, rawCode } = error as unknown as { code: string; rawCode?: number };
  return new LibsqlError(error.message, baseCode(code), code, rawCode, error);
}

/** `SQLITE_BUSY_SNAPSHOT` → `SQLITE_BUSY`, as libSQL's client names an error by its primary code. */
const baseCode = (code: string) => /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;

import { badRequest } from "../http/exact-error";
import type { EdmType, EntitySchema } from "./entity-schema";
import type { ComparisonOperator, FilterExpression } from "./filter-ast";

type Category = "string" | "guid" | "datetime" | "number" | "boolean" | "null";

export interface FilterCompileOptions {
  /**
   * `exact`: ordinal, case- and space-sensitive equality. `sqlServer`: case-insensitive with trailing spaces
   * ignored, as a default SQL Server collation compares. Which one Exact applies is UNCONFIRMED.
   */
  stringSemantics: "exact" | "sqlServer";
  /** Properties that may appear in `$filter`; `undefined` allows every property of the entity. */
  filterable?: ReadonlySet<string>;
}

export type RowPredicate<Row> = (row: Row) => boolean;

interface Compiled<Row> {
  category: Category;
  edm: string;
  evaluate: (row: Row) => unknown;
}

const EDM_CATEGORY: Record<EdmType, Category> = {
  "Edm.Guid": "guid",
  "Edm.String": "string",
  "Edm.Boolean": "boolean",
  "Edm.Byte": "number",
  "Edm.Int16": "number",
  "Edm.Int32": "number",
  "Edm.Int64": "number",
  "Edm.Double": "number",
  "Edm.Decimal": "number",
  "Edm.DateTime": "datetime",
  Navigation: "null",
};

const LITERAL_EDM = {
  string: "Edm.String",
  guid: "Edm.Guid",
  datetime: "Edm.DateTime",
  int32: "Edm.Int32",
  int64: "Edm.Int64",
  decimal: "Edm.Decimal",
  double: "Edm.Double",
  boolean: "Edm.Boolean",
  null: "null",
} as const;

/** Turns a parsed `$filter` into a predicate over rows, checking property names and operand types like Exact. */
export function compileFilter<Row>(
  expression: FilterExpression,
  schema: EntitySchema<Row>,
  options: FilterCompileOptions,
): RowPredicate<Row> {
  const sqlServer = options.stringSemantics === "sqlServer";
  const normalizeString = (value: string) => (sqlServer ? value.replace(/ +$/, "").toLowerCase() : value);

  const compile = (node: FilterExpression): Compiled<Row> => {
    switch (node.kind) {
      case "literal": {
        const category: Category =
          node.type === "int32" || node.type === "int64" || node.type === "decimal" || node.type === "double"
            ? "number"
            : node.type;
        const value = node.value;
        return { category, edm: LITERAL_EDM[node.type], evaluate: () => value };
      }
      case "property": {
        const field = schema.byName.get(node.name);
        if (!field || field.type === "Navigation") {
          throw badRequest(
            `No property '${node.name}' exists in type '${schema.typeName}' at position ${node.position}.`,
          );
        }
        if (options.filterable && !options.filterable.has(field.name)) {
          throw badRequest(
            `Filtering on property '${field.name}' is not supported for '${schema.typeName}'.`,
          );
        }
        const get = field.get;
        return { category: EDM_CATEGORY[field.type], edm: field.type, evaluate: (row) => get(row) ?? null };
      }
      case "call":
        return compileCall(node.name, node.args.map(compile), node.position);
      case "comparison":
        return compileComparison(node.op, compile(node.left), compile(node.right), node.position);
      case "logical": {
        const left = asBoolean(compile(node.left));
        const right = asBoolean(compile(node.right));
        return {
          category: "boolean",
          edm: "Edm.Boolean",
          evaluate:
            node.op === "and"
              ? (row) => left(row) === true && right(row) === true
              : (row) => left(row) === true || right(row) === true,
        };
      }
      case "not": {
        const operand = asBoolean(compile(node.operand));
        return { category: "boolean", edm: "Edm.Boolean", evaluate: (row) => operand(row) !== true };
      }
    }
  };

  const asBoolean = (compiled: Compiled<Row>) => {
    if (compiled.category !== "boolean") throw badRequest("Expression of type 'Edm.Boolean' expected.");
    return compiled.evaluate;
  };

  const compileCall = (name: string, args: Compiled<Row>[], position: number): Compiled<Row> => {
    const requireStrings = (count: number) => {
      if (args.length !== count || args.some((a) => a.category !== "string" && a.category !== "null")) {
        throw badRequest(
          `No applicable function found for '${name}' at position ${position} with the specified arguments.`,
        );
      }
      return args.map((a) => a.evaluate);
    };
    const str = (v: unknown) => (typeof v === "string" ? v : null);
    switch (name) {
      case "trim":
      case "tolower":
      case "toupper": {
        const [arg] = requireStrings(1) as [(row: Row) => unknown];
        const apply =
          name === "trim"
            ? (s: string) => s.trim()
            : name === "tolower"
              ? (s: string) => s.toLowerCase()
              : (s: string) => s.toUpperCase();
        return {
          category: "string",
          edm: "Edm.String",
          evaluate: (row) => {
            const s = str(arg(row));
            return s === null ? null : apply(s);
          },
        };
      }
      case "length": {
        const [arg] = requireStrings(1) as [(row: Row) => unknown];
        return { category: "number", edm: "Edm.Int32", evaluate: (row) => str(arg(row))?.length ?? null };
      }
      case "substringof": {
        const [needle, haystack] = requireStrings(2) as [(row: Row) => unknown, (row: Row) => unknown];
        return {
          category: "boolean",
          edm: "Edm.Boolean",
          evaluate: (row) => {
            const n = str(needle(row));
            const h = str(haystack(row));
            return n !== null && h !== null && normalizeCase(h).includes(normalizeCase(n));
          },
        };
      }
      case "startswith":
      case "endswith": {
        const [subject, affix] = requireStrings(2) as [(row: Row) => unknown, (row: Row) => unknown];
        return {
          category: "boolean",
          edm: "Edm.Boolean",
          evaluate: (row) => {
            const s = str(subject(row));
            const a = str(affix(row));
            if (s === null || a === null) return false;
            return name === "startswith"
              ? normalizeCase(s).startsWith(normalizeCase(a))
              : normalizeCase(s).endsWith(normalizeCase(a));
          },
        };
      }
      default:
        throw badRequest(`Unknown function '${name}' at position ${position}.`);
    }
  };

  const normalizeCase = (value: string) => (sqlServer ? value.toLowerCase() : value);

  const compileComparison = (
    op: ComparisonOperator,
    left: Compiled<Row>,
    right: Compiled<Row>,
    position: number,
  ): Compiled<Row> => {
    const compatible =
      left.category === right.category || left.category === "null" || right.category === "null";
    const ordered = op !== "eq" && op !== "ne";
    if (
      !compatible ||
      (ordered && (left.category === "boolean" || left.category === "null" || right.category === "null"))
    ) {
      throw badRequest(
        `Operator '${op}' incompatible with operand types '${left.edm}' and '${right.edm}' at position ${position}.`,
      );
    }
    const category = left.category === "null" ? right.category : left.category;
    const prepare = (value: unknown) => {
      if (value === null || value === undefined) return null;
      if (category === "string") return normalizeString(value as string);
      if (category === "guid") return (value as string).toLowerCase();
      return value;
    };
    const lhs = left.evaluate;
    const rhs = right.evaluate;
    const test = COMPARE[op];
    return {
      category: "boolean",
      edm: "Edm.Boolean",
      evaluate: (row) => test(prepare(lhs(row)), prepare(rhs(row))),
    };
  };

  const compiled = compile(expression);
  const predicate = asBoolean(compiled);
  return (row) => predicate(row) === true;
}

type Comparable = unknown;
const COMPARE: Record<ComparisonOperator, (a: Comparable, b: Comparable) => boolean> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a !== null && b !== null && (a as number) > (b as number),
  ge: (a, b) => a !== null && b !== null && (a as number) >= (b as number),
  lt: (a, b) => a !== null && b !== null && (a as number) < (b as number),
  le: (a, b) => a !== null && b !== null && (a as number) <= (b as number),
};

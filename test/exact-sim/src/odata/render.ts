import { formatExactDate } from "../util/amsterdam-time";
import type { EntitySchema } from "./entity-schema";

export interface RenderSettings {
  /**
   * OData v2 JSON writes Edm.Int64 as a string; a .NET client model for Exact's sync `Timestamp` allows reading it
   * from a string (find_string id 42133812733). Whether Exact sends a string or a number is UNCONFIRMED.
   */
  int64AsString: boolean;
}

export interface RenderTarget<Row> {
  schema: EntitySchema<Row>;
  /** Absolute URI of the row, e.g. `…/api/v1/1/crm/Accounts(guid'…')`. */
  uriOf(row: Row): string;
  /** Expanded navigation collections for this row, by property name. */
  expanded?(row: Row, property: string): Record<string, unknown>[] | undefined;
}

/** One row in Exact's verbose JSON: `__metadata` first, then properties in the entity's declared order. */
export function renderRow<Row>(
  row: Row,
  target: RenderTarget<Row>,
  settings: RenderSettings,
  select?: readonly string[],
  expand: readonly string[] = [],
): Record<string, unknown> {
  const uri = target.uriOf(row);
  const out: Record<string, unknown> = { __metadata: { uri, type: target.schema.typeName } };
  const wanted = select && !select.includes("*") ? new Set(select) : undefined;
  for (const field of target.schema.fields) {
    if (wanted && !wanted.has(field.name) && !expand.includes(field.name)) continue;
    if (field.type === "Navigation") {
      const rows = expand.includes(field.name) ? target.expanded?.(row, field.name) : undefined;
      out[field.name] = rows ? { results: rows } : { __deferred: { uri: `${uri}/${field.name}` } };
      continue;
    }
    const value = field.get(row);
    out[field.name] = renderValue(value, field.type, settings);
  }
  return out;
}

function renderValue(value: unknown, type: string, settings: RenderSettings): unknown {
  if (value === null || value === undefined) return null;
  if (type === "Edm.DateTime") return formatExactDate(value as number);
  if (type === "Edm.Int64" && settings.int64AsString) return String(value);
  return value;
}

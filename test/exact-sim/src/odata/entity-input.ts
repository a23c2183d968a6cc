import { badRequest } from "../http/exact-error";
import { parseIncomingDate } from "../util/amsterdam-time";
import { normalizeGuid } from "../util/guid";
import type { EntitySchema } from "./entity-schema";

const INVALID_BODY =
  "Error processing request stream. The request should be a valid top-level resource object.";

/** Parses a request body that must be one JSON object (400 with Exact's message otherwise). */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest(INVALID_BODY);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw badRequest(INVALID_BODY);
  return value as Record<string, unknown>;
}

/**
 * Converts a POST/PUT body into stored values: unknown properties are a 400 (as WCF Data Services answers),
 * read-only ones are ignored, dates arrive as ISO strings and become instants.
 */
export function readEntityInput<Row>(
  body: Record<string, unknown>,
  schema: EntitySchema<Row>,
  readOnly: ReadonlySet<string>,
  inline: readonly string[] = [],
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [name, raw] of Object.entries(body)) {
    if (name === "__metadata") continue;
    const field = schema.byName.get(name);
    if (!field) {
      throw badRequest(
        `The property '${name}' does not exist on type '${schema.typeName}'. Make sure to only use property names that are defined by the type.`,
      );
    }
    if (inline.includes(name)) {
      values.set(name, raw);
      continue;
    }
    if (readOnly.has(name) || field.type === "Navigation") continue;
    values.set(name, convert(name, field.type, raw));
  }
  return values;
}

function convert(name: string, type: string, raw: unknown): unknown {
  if (raw === null) return null;
  const mismatch = () =>
    badRequest(
      `Error processing request stream. The property '${name}' has an invalid value for type '${type}'.`,
    );
  switch (type) {
    case "Edm.String":
      if (typeof raw !== "string") throw mismatch();
      return raw;
    case "Edm.Guid": {
      const guid = typeof raw === "string" ? normalizeGuid(raw) : undefined;
      if (!guid) throw mismatch();
      return guid;
    }
    case "Edm.Boolean":
      if (typeof raw !== "boolean") throw mismatch();
      return raw;
    case "Edm.DateTime": {
      const instant = typeof raw === "string" ? parseIncomingDate(raw) : undefined;
      if (instant === undefined) throw mismatch();
      return instant;
    }
    default: {
      const number =
        typeof raw === "number"
          ? raw
          : typeof raw === "string" && raw.trim() !== ""
            ? Number(raw)
            : Number.NaN;
      if (!Number.isFinite(number)) throw mismatch();
      if (type !== "Edm.Double" && type !== "Edm.Decimal" && !Number.isInteger(number)) throw mismatch();
      return number;
    }
  }
}

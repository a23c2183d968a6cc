export type EdmType =
  | "Edm.Guid"
  | "Edm.String"
  | "Edm.Boolean"
  | "Edm.Byte"
  | "Edm.Int16"
  | "Edm.Int32"
  | "Edm.Int64"
  | "Edm.Double"
  | "Edm.Decimal"
  | "Edm.DateTime"
  /** An unexpanded navigation collection, written as `{"__deferred":{"uri":…}}`. */
  | "Navigation";

export interface FieldDefinition<Row> {
  name: string;
  type: EdmType;
  /** The field's value: instants (UTC ms) for DateTime, numbers for Int64, `null` when empty. */
  get(row: Row): unknown;
}

export interface EntitySchema<Row> {
  /** `__metadata.type`, e.g. `Exact.Web.Api.Models.Account`. */
  typeName: string;
  /** Property holding the key, e.g. `ID` (a GUID) or `Code` (Divisions, an Int32). */
  keyField: string;
  fields: readonly FieldDefinition<Row>[];
  byName: ReadonlyMap<string, FieldDefinition<Row>>;
}

export function defineSchema<Row>(
  typeName: string,
  keyField: string,
  fields: readonly FieldDefinition<Row>[],
): EntitySchema<Row> {
  return { typeName, keyField, fields, byName: new Map(fields.map((f) => [f.name, f])) };
}

/** Shorthand for schemas whose rows are plain objects keyed by property name. */
export function plainFields<Row extends object>(
  spec: readonly (readonly [string, EdmType])[],
): FieldDefinition<Row>[] {
  return spec.map(([name, type]) => ({
    name,
    type,
    get: (row: Row) => (row as Record<string, unknown>)[name] ?? null,
  }));
}

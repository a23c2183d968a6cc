import { isProblemCode, type ProblemCode } from "@zapfloor-exact/shared/schemas/problem-codes";
import type { z } from "zod";
import type { ValidationProblem } from "./errors";

export type RequestPart = "body" | "query" | "path" | "header";

/** `["lines", 0, "amount"]` → `lines[0].amount`; an empty path is the whole part. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out === "" ? String(key) : `${out}.${String(key)}`;
  }, "");
}

type Issue = z.core.$ZodIssue;
type Said = { code: ProblemCode; params?: Record<string, string> };

const kindOf: Record<string, string> = {
  string: "text",
  number: "number",
  int: "number",
  bigint: "number",
  boolean: "boolean",
  array: "list",
  tuple: "list",
  set: "list",
  object: "object",
  record: "object",
  map: "object",
};
const formatOf: Record<string, string> = {
  uuid: "uuid",
  guid: "uuid",
  url: "url",
  email: "email",
  date: "date",
  datetime: "date",
  regex: "pattern",
};

function sizeCode(origin: string, small: boolean): ProblemCode | undefined {
  if (origin === "string") return small ? "text_too_short" : "text_too_long";
  if (origin === "array" || origin === "set") return small ? "list_too_short" : "list_too_long";
  if (origin === "number" || origin === "int" || origin === "bigint")
    return small ? "number_too_small" : "number_too_big";
  return undefined;
}

/** The value at `path` in what was sent: whether a field is missing, as zod's issue does not say. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * What an issue expected, by a problem code and the values its sentence names (`field_invalid` where zod says
 * only "not valid": a refinement's reason stays in its English `message`).
 */
function saidOf(issue: Issue, input: unknown): Said {
  switch (issue.code) {
    case "invalid_type": {
      if (valueAt(input, issue.path) === undefined) return { code: "field_missing" };
      if (issue.expected === "int") return { code: "number_not_whole" };
      const expected = kindOf[issue.expected];
      return expected ? { code: "field_wrong_type", params: { expected } } : { code: "field_invalid" };
    }
    case "too_small": {
      const code = sizeCode(issue.origin, true);
      if (code === "text_too_short" && Number(issue.minimum) === 1) return { code: "field_empty" };
      // An exclusive bound on a whole number is the next one up; on another, the same words would be wrong.
      return code && issue.inclusive !== false
        ? { code, params: { minimum: String(issue.minimum) } }
        : { code: "field_invalid" };
    }
    case "too_big": {
      const code = sizeCode(issue.origin, false);
      return code && issue.inclusive !== false
        ? { code, params: { maximum: String(issue.maximum) } }
        : { code: "field_invalid" };
    }
    case "invalid_format": {
      const format = formatOf[issue.format];
      if (!format) return { code: "field_invalid" };
      const pattern: Record<string, string> =
        format === "pattern" && issue.pattern ? { pattern: issue.pattern } : {};
      return { code: "field_format", params: { format, ...pattern } };
    }
    case "invalid_value":
      return { code: "field_value", params: { values: issue.values.map(String).join(", ") } };
    case "unrecognized_keys":
      return { code: "field_unknown", params: { keys: issue.keys.join(", ") } };
    case "custom": {
      // A refinement may name its problem, with the values its sentence needs, in its issue's `params`.
      const { problem, ...params } = (issue.params ?? {}) as Record<string, unknown>;
      if (typeof problem !== "string" || !isProblemCode(problem)) return { code: "field_invalid" };
      const named = Object.entries(params).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      );
      return { code: problem, params: Object.fromEntries(named) };
    }
    default:
      return { code: "field_invalid" };
  }
}

/**
 * Every issue of a request part that failed its schema, each with its path, zod's English, and the same by a
 * problem code with the field and what it expected: what a client words in its own language.
 */
export function problemsOf(error: z.core.$ZodError, part: RequestPart, input?: unknown): ValidationProblem[] {
  return error.issues.map((issue) => {
    const path = [part, formatPath(issue.path)].filter(Boolean).join(".");
    const said = saidOf(issue, input);
    return { path, message: issue.message, code: said.code, params: { field: path, ...said.params } };
  });
}

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

export function problemsOf(error: z.core.$ZodError, part: RequestPart): ValidationProblem[] {
  return error.issues.map((issue) => ({
    path: [part, formatPath(issue.path)].filter(Boolean).join("."),
    message: issue.message,
  }));
}

import { z } from "zod";
import { validationError } from "../errors";

/** An opaque page cursor: a position, base64url-encoded so clients treat it as a token. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

/** Reads a cursor this API issued; anything else is a 400 on `query.cursor`. */
export function decodeCursor<T extends z.ZodType>(
  cursor: string | undefined,
  schema: T,
): z.output<T> | undefined {
  if (cursor === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw validationError([
      {
        path: "query.cursor",
        message: "not a cursor this API gave out",
        code: "field_invalid",
        params: { field: "query.cursor" },
      },
    ]);
  }
  return parsed.data;
}

export const cursorSchemas = {
  /** By a text key, then an id. */
  keyed: z.object({ k: z.string().max(600), i: z.string().max(100) }),
  /** Below a numeric id (newest first). */
  below: z.object({ b: z.number().int().positive() }),
};

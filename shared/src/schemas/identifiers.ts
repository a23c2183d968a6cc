import { z } from "zod";

/** zapfloor's customer number: letters, digits, `.`, `_`, `-`; it becomes the Exact account's SearchCode. */
export const customerNumberSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    "a zapfloor customer number: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
  )
  .meta({ description: "zapfloor's customer number", example: "1042" });

/** An Exact account GUID, with or without braces, in any case. */
export const exactIdSchema = z
  .string()
  .regex(
    /^\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?$/,
    "an Exact account GUID, e.g. 3f2a…-…, with or without braces",
  )
  .meta({
    description: "Exact account GUID (braces and case do not matter)",
    example: "{6C3B0D4E-0F5A-4C1B-9A3E-2D1F0B9C8A77}",
  });

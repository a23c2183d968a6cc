import { z } from "zod";

/** `limit` and `cursor` of every list endpoint. */
export const pageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .meta({ description: "At most this many items (1–500, default 50).", example: 50 }),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,1000}$/, "the opaque cursor of a previous page")
    .optional()
    .meta({ description: "`nextCursor` of the previous page.", example: "eyJrIjoiMTA0MiJ9" }),
};

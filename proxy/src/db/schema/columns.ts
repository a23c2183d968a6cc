import { integer } from "drizzle-orm/sqlite-core";

/** Milliseconds since the Unix epoch, from the injected clock (never SQL's own clock). */
export const epochMs = (name: string) => integer(name, { mode: "number" });

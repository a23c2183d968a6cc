import { eq } from "drizzle-orm";
import { oauthStates } from "../../db/schema";
import type { ExactServiceContext } from "../context";
import { hashState } from "./start-connect";

/** The language a consent's pages were asked to speak when it was started, or null (none said, or no such state). */
export async function consentLanguage(
  ctx: Pick<ExactServiceContext, "db">,
  state: string,
): Promise<string | null> {
  const [row] = await ctx.db
    .select({ lang: oauthStates.lang })
    .from(oauthStates)
    .where(eq(oauthStates.stateHash, hashState(state)));
  return row?.lang ?? null;
}

import type { DivisionApi } from "../client";
import { glAccount } from "../schemas";

/** Every GL account with its balance type and account type (60 per page on this regular endpoint). [§2] */
export function listGlAccounts(api: DivisionApi) {
  return api.list(
    "financial/GLAccounts",
    { select: ["ID", "Code", "Description", "BalanceType", "Type"] },
    glAccount,
  );
}

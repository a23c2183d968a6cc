import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import {
  acceptSuggestionsRequestSchema,
  acceptSuggestionsResultSchema,
  accountDetailSchema,
  exactIdParamSchema,
  linkResultSchema,
  overviewPageSchema,
  overviewQuerySchema,
} from "@zapfloor-exact/shared/schemas/accounts";
import { divisionParamSchema } from "@zapfloor-exact/shared/schemas/divisions";
import { linkRequestSchema } from "@zapfloor-exact/shared/schemas/links";
import type { AppEnv } from "../context";
import { anyRole, requireRole } from "../middleware/auth";
import { addVatAndLink } from "../services/links/add-vat-and-link";
import { linkAccount } from "../services/links/link-account";
import { promoteAccount } from "../services/links/promote-account";
import { unlinkAccount } from "../services/links/unlink-account";
import { acceptSuggestions } from "../services/overview/accept-suggestions";
import { accountDetail } from "../services/overview/account-detail";
import { listAccounts } from "../services/overview/list-accounts";
import { access, errors } from "./openapi";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const accountParams = divisionParamSchema.extend(exactIdParamSchema.shape);
const bookkeeper = requireRole("bookkeeper");

/** What the link, promote and fix routes hand their verb: the account, the customer, and who asks. */
const accountChange = (
  params: z.infer<typeof accountParams>,
  body: z.infer<typeof linkRequestSchema>,
  caller: { tenantId: string; label: string },
) => ({ ...params, ...body, tenantId: caller.tenantId, actor: caller.label });

const overviewRoute = createRoute({
  method: "get",
  path: "/v1/divisions/{division}/accounts",
  tags: ["accounts"],
  summary: "The Exact Accounts Overview",
  ...access(
    "any",
    "Every customer account in the mirror (and every linked account), by name, with its link, state, best suggestion and warnings.",
  ),
  middleware: [anyRole] as const,
  request: { params: divisionParamSchema, query: overviewQuerySchema },
  responses: {
    200: { description: "One page.", content: json(overviewPageSchema) },
    ...errors(400, 401, 404),
  },
});

const detailRoute = createRoute({
  method: "get",
  path: "/v1/divisions/{division}/accounts/{exactId}",
  tags: ["accounts"],
  summary: "One account: mirror data, link (who, how, when), candidates with reasons, warnings",
  ...access("any"),
  middleware: [anyRole] as const,
  request: { params: accountParams },
  responses: {
    200: { description: "The account.", content: json(accountDetailSchema) },
    ...errors(400, 401, 404),
  },
});

const linkRoute = createRoute({
  method: "put",
  path: "/v1/divisions/{division}/accounts/{exactId}/link",
  tags: ["accounts"],
  summary: "Link the account to a zapfloor customer",
  ...access(
    "bookkeeper",
    "409 with the reason when either side is already linked, or the account is not a customer (Status C), blocked or deleted, or (with `accountModified`) it changed in Exact since it was shown. When the account's SearchCode is empty it gets the zapfloor number (one Exact call: a PUT of that field), so the link can be found again from Exact; a SearchCode holding anything else is never overwritten. `searchCodeResult` says which. Linking a pair that is already linked to each other changes nothing.",
  ),
  middleware: [bookkeeper] as const,
  request: { params: accountParams, body: { content: json(linkRequestSchema), required: true } },
  responses: {
    200: {
      description: "Linked; the account as it now stands, and what was done to its SearchCode.",
      content: json(linkResultSchema),
    },
    ...errors(400, 401, 403, 404, 409, 429, 502),
  },
});

const unlinkRoute = createRoute({
  method: "delete",
  path: "/v1/divisions/{division}/accounts/{exactId}/link",
  tags: ["accounts"],
  summary: "Unlink the account (audited)",
  ...access("bookkeeper"),
  middleware: [bookkeeper] as const,
  request: { params: accountParams },
  responses: {
    200: { description: "Unlinked; the account as it now stands.", content: json(accountDetailSchema) },
    ...errors(400, 401, 403, 404),
  },
});

const promoteRoute = createRoute({
  method: "post",
  path: "/v1/divisions/{division}/accounts/{exactId}/promote-and-link",
  tags: ["accounts"],
  summary: "Make a prospect, suspect or supplier an Exact customer, and link it",
  ...access(
    "bookkeeper",
    "What `review` offers for a non-customer match. One Exact call (Status C, allowed for sales, and the zapfloor number as SearchCode when it is empty, as a hand link does); everything that would refuse the link is checked first.",
  ),
  middleware: [bookkeeper] as const,
  request: { params: accountParams, body: { content: json(linkRequestSchema), required: true } },
  responses: {
    200: {
      description: "Promoted and linked; the account as it now stands, and what was done to its SearchCode.",
      content: json(linkResultSchema),
    },
    ...errors(400, 401, 403, 404, 409, 429, 502),
  },
});

const addVatRoute = createRoute({
  method: "post",
  path: "/v1/divisions/{division}/accounts/{exactId}/add-vat-and-link",
  tags: ["accounts"],
  summary: "Put the zapfloor customer's VAT number on the Exact account, and link it",
  ...access(
    "bookkeeper",
    "The fix the account's candidate offers (`fix.action: add_vat_and_link`, with the changes it makes): for an Exact customer without a VAT number whose name agrees. One Exact call: a PUT of the changed fields, then the link, audited with the changes. Refused (409 `changed_in_exact`) when the account changed in Exact since it was shown (send `accountModified`), checked against the mirror that Exact's webhook and the periodic sync keep current.",
  ),
  middleware: [bookkeeper] as const,
  request: { params: accountParams, body: { content: json(linkRequestSchema), required: true } },
  responses: {
    200: {
      description: "Changed in Exact and linked; the account as it now stands.",
      content: json(accountDetailSchema),
    },
    ...errors(400, 401, 403, 404, 409, 429, 502),
  },
});

const acceptRoute = createRoute({
  method: "post",
  path: "/v1/divisions/{division}/accounts/accept-suggestions",
  tags: ["accounts"],
  summary: "Link every unambiguous suggestion",
  ...access(
    "bookkeeper",
    "Links each account whose suggestion is unambiguous, in one transaction, and reports what it linked and what it skipped and why. `dryRun: true` is the preview.",
  ),
  middleware: [bookkeeper] as const,
  request: {
    params: divisionParamSchema,
    body: { content: json(acceptSuggestionsRequestSchema), required: true },
  },
  responses: {
    200: { description: "Linked and skipped.", content: json(acceptSuggestionsResultSchema) },
    ...errors(400, 401, 403, 404),
  },
});

export function accountRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(overviewRoute, async (c) => {
      const { division } = c.req.valid("param");
      const query = c.req.valid("query");
      const page = await listAccounts(c.get("deps"), {
        tenantId: c.get("caller").tenantId,
        division,
        ...query,
      });
      return c.json(page, 200);
    })
    .openapi(detailRoute, async (c) => {
      const { division, exactId } = c.req.valid("param");
      return c.json(
        await accountDetail(c.get("deps"), { tenantId: c.get("caller").tenantId, division, exactId }),
        200,
      );
    })
    .openapi(linkRoute, async (c) => {
      const change = accountChange(c.req.valid("param"), c.req.valid("json"), c.get("caller"));
      return c.json(await linkAccount(c.get("deps"), change), 200);
    })
    .openapi(unlinkRoute, async (c) => {
      const { tenantId, label } = c.get("caller");
      return c.json(
        await unlinkAccount(c.get("deps"), { ...c.req.valid("param"), tenantId, actor: label }),
        200,
      );
    })
    .openapi(promoteRoute, async (c) => {
      const change = accountChange(c.req.valid("param"), c.req.valid("json"), c.get("caller"));
      return c.json(await promoteAccount(c.get("deps"), change), 200);
    })
    .openapi(addVatRoute, async (c) => {
      const change = accountChange(c.req.valid("param"), c.req.valid("json"), c.get("caller"));
      return c.json(await addVatAndLink(c.get("deps"), change), 200);
    })
    .openapi(acceptRoute, async (c) => {
      const { division } = c.req.valid("param");
      const { tenantId, label } = c.get("caller");
      const body = c.req.valid("json");
      const result = await acceptSuggestions(c.get("deps"), {
        tenantId,
        division,
        dryRun: body.dryRun,
        ...(body.exactIds ? { exactIds: body.exactIds } : {}),
        actor: label,
      });
      return c.json(result, 200);
    });
}

import { z } from "zod";
import { customerNumberSchema, exactIdSchema } from "./identifiers";
import { pageQuery } from "./paging";

/** How a link came about: the matching signal, a new account, a person, an accepted suggestion, a promotion. */
export const LINK_METHODS = [
  "vat",
  "code",
  "searchCode",
  "created",
  "manual",
  "suggestion",
  "promoted",
] as const;
export const linkMethodSchema = z.enum(LINK_METHODS);

/** A zapfloor customer linked to an Exact account in one division: who made it, how and when. */
export const linkSchema = z
  .object({
    customerNumber: z.string(),
    exactId: z.string(),
    method: linkMethodSchema.meta({
      description:
        "How: matched on `vat`, `code` or `searchCode`; `created` by match-or-create; `manual`; an accepted `suggestion`; `promoted` to customer and linked.",
    }),
    linkedBy: z.string().meta({ description: "The API token's label: `zapfloor`, or the bookkeeper's." }),
    linkedAt: z.string(),
  })
  .meta({ id: "Link" });
export type LinkView = z.infer<typeof linkSchema>;

export const linkRequestSchema = z
  .strictObject({
    customerNumber: customerNumberSchema,
    accountModified: z.iso.datetime().nullable().optional().meta({
      description:
        "The account's `accountModified` as shown (from GET …/accounts or …/accounts/{exactId}); when given, the request is refused (409 `changed_in_exact`) if the account changed in Exact since.",
      example: "2026-03-02T09:15:00.000Z",
    }),
  })
  .meta({ id: "LinkRequest" });

export const linkEventSchema = z
  .object({
    id: z.number(),
    action: z.enum(["link", "unlink", "create", "promote"]),
    customerNumber: z.string(),
    exactId: z.string(),
    method: z.string(),
    actor: z.string().meta({ description: "Who: the API token's label." }),
    at: z.string(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "LinkEvent" });

export const linkEventsQuerySchema = z.object({
  customerNumber: customerNumberSchema.optional(),
  exactId: exactIdSchema.optional(),
  ...pageQuery,
});

export const linkEventsPageSchema = z
  .object({ events: z.array(linkEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: "LinkEventsPage" });

import { z } from "zod";
import { divisionNumberSchema } from "./divisions";
import { customerNumberSchema } from "./identifiers";
import { linkSchema } from "./links";
import { matchOutcomeSchema } from "./matching";
import { pageQuery } from "./paging";
import { plainText, searchText } from "./text-rules";

export const customerNumberParamSchema = z.object({ number: customerNumberSchema });

const optional = <T extends z.ZodType>(schema: T, meta: { description: string; example?: unknown }) =>
  schema.nullable().optional().meta(meta);
/** A VAT or company number as people type it: empty, or digits among letters and separators. */
const registrationNumber = (what: string) =>
  z
    .string()
    .trim()
    .regex(
      /^$|^(?=.*\d)[A-Za-z0-9 .\-/]{1,40}$/,
      `${what}: digits, maybe with letters, spaces, '.', '-' or '/'; at most 40`,
    );

export const addressSchema = z
  .strictObject({
    line1: optional(plainText(100), { description: "Street and number.", example: "Keizersgracht 123" }),
    line2: optional(plainText(100), { description: "More of the address, if any.", example: "3rd floor" }),
    postcode: optional(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9 -]{0,12}$/, "a postcode: up to 12 letters, digits, spaces or '-'"),
      { description: "The postcode as written in the country.", example: "1015 CJ" },
    ),
    city: optional(plainText(60), { description: "The city.", example: "Amsterdam" }),
  })
  .meta({ id: "Address", description: "The customer's invoicing address." });
export type Address = z.infer<typeof addressSchema>;

/** The body of `PUT /v1/customers/{number}`: the customer as zapfloor knows it. */
export const customerInputSchema = z
  .strictObject({
    name: plainText(200).min(1, "a name is required").meta({
      description: "The customer's legal name, as on its invoices.",
      example: "Acme Workspace B.V.",
    }),
    vatNumber: optional(registrationNumber("a VAT number"), {
      description:
        "The VAT number as zapfloor has it; spaces, dots and a missing country prefix are normalised before matching.",
      example: "NL 8565.66.925 B01",
    }),
    companyNumber: optional(registrationNumber("a company number"), {
      description: "The chamber of commerce number: KvK in the Netherlands, KBO/BCE in Belgium.",
      example: "12345678",
    }),
    email: optional(z.email("an e-mail address").max(254), {
      description: "Where invoices go; given to a customer created in Exact.",
      example: "billing@acme-workspace.nl",
    }),
    country: optional(
      z
        .string()
        .regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 country code, e.g. BE")
        .transform((value) => value.toUpperCase()),
      {
        description: "ISO 3166-1 alpha-2 country code; also completes a VAT number without prefix.",
        example: "NL",
      },
    ),
    address: optional(addressSchema, { description: "The customer's invoicing address." }),
  })
  .meta({ id: "CustomerInput" });
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const customerSchema = z
  .object({
    number: z.string(),
    name: z.string(),
    vatNumber: z.string().nullable(),
    companyNumber: z.string().nullable(),
    email: z.string().nullable(),
    country: z.string().nullable(),
    address: z
      .object({
        line1: z.string().nullable(),
        line2: z.string().nullable(),
        postcode: z.string().nullable(),
        city: z.string().nullable(),
      })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Customer" });
export type Customer = z.infer<typeof customerSchema>;

/** A customer's state in one division: its link, and what match-or-create would decide now (a dry run). */
export const customerDivisionStateSchema = z
  .object({
    division: z.number(),
    outcome: matchOutcomeSchema,
    exactAccountId: z.string().nullable(),
    link: linkSchema.nullable(),
    lastLoadedAt: z.string().nullable().optional().meta({
      description:
        "With outcome `unknown`: when the division's accounts were last loaded, or null for never; load them (POST /v1/divisions/{division}/sync) before matching.",
    }),
  })
  .meta({ id: "CustomerDivisionState" });

export const customerUpsertResultSchema = z
  .object({
    customer: customerSchema,
    created: z.boolean(),
    divisions: z.array(customerDivisionStateSchema),
  })
  .meta({ id: "CustomerUpsertResult" });
export type CustomerUpsertResult = z.infer<typeof customerUpsertResultSchema>;

export const customerSearchQuerySchema = z.object({
  q: searchText
    .optional()
    .meta({ description: "Part of the number, the name or the VAT number.", example: "Acme" }),
  division: divisionNumberSchema
    .optional()
    .meta({ description: "Also give each customer's link in this division.", example: 1234567 }),
  ...pageQuery,
});

export const customerSearchResultSchema = z
  .object({
    customers: z.array(customerSchema.extend({ link: linkSchema.nullable().optional() })),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "CustomerSearchResult" });

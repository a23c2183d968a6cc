import type { Invoice } from "@zapfloor-exact/shared/schemas/sales-entries";
import type { AppDeps } from "../../context";
import { exactReferenceData } from "../../db/schema";
import { insertConnectedDivision } from "../../testing/connected-division";
import type { GlAccountRef, JournalRef, VatCodeRef } from "../settings/reference-data";
import { createTenant } from "../tenants/create-tenant";

/** A Dutch division's journals, GL accounts and VAT codes, shaped as the reference cache keeps them. */
export const dutchReference = {
  journals: [
    { id: "00000000-0000-0000-0000-000000000070", code: "70", description: "Verkoopboek", type: 20 },
    { id: "00000000-0000-0000-0000-000000000071", code: "71", description: "Creditnota's", type: 20 },
    { id: "00000000-0000-0000-0000-000000000090", code: "90", description: "Memoriaal", type: 90 },
  ] satisfies JournalRef[],
  glAccounts: [
    {
      id: "00000000-0000-0000-0000-000000008000",
      code: "8000",
      description: "Omzet werkplekken",
      balanceType: "W",
      type: 110,
    },
    {
      id: "00000000-0000-0000-0000-000000008010",
      code: "8010",
      description: "Omzet vergaderzalen",
      balanceType: "W",
      type: 110,
    },
    {
      id: "00000000-0000-0000-0000-000000004000",
      code: "4000",
      description: "Huur",
      balanceType: "W",
      type: 120,
    },
    {
      id: "00000000-0000-0000-0000-000000001300",
      code: "1300",
      description: "Debiteuren",
      balanceType: "B",
      type: 20,
    },
  ] satisfies GlAccountRef[],
  vatCodes: [
    {
      id: "00000000-0000-0000-0000-0000000000a2",
      code: "2  ",
      description: "BTW hoog 21%",
      percentage: 0.21,
      blocked: false,
      use: "S",
    },
    {
      id: "00000000-0000-0000-0000-0000000000a1",
      code: "1  ",
      description: "BTW laag 9%",
      percentage: 0.09,
      blocked: false,
      use: "S",
    },
    {
      id: "00000000-0000-0000-0000-0000000000a0",
      code: "0  ",
      description: "BTW 0%",
      percentage: 0,
      blocked: false,
      use: "B",
    },
    {
      id: "00000000-0000-0000-0000-0000000000a5",
      code: "5  ",
      description: "Diensten binnen EU",
      percentage: 0,
      blocked: false,
      use: "S",
    },
    {
      id: "00000000-0000-0000-0000-0000000000b2",
      code: "6  ",
      description: "Voorbelasting 21%",
      percentage: 0.21,
      blocked: false,
      use: "P",
    },
    {
      id: "00000000-0000-0000-0000-0000000000c2",
      code: "9  ",
      description: "Oud 19%",
      percentage: 0.19,
      blocked: true,
      use: "S",
    },
  ] satisfies VatCodeRef[],
};

export const dutchSettings = {
  salesJournal: "70",
  creditNoteJournal: "71",
  glMapping: { desk: "8000", meeting_room: "8010" },
  vatMapping: { rates: { "21": "2", "9": "1", "0": "0" }, international: "5" },
};

/** A tenant whose consent covers one division, with that division's reference data cached (no Exact calls). */
export async function seedConnectedDivision(
  deps: AppDeps,
  options: { name?: string; division?: number; country?: string; reference?: boolean } = {},
) {
  const tenant = await createTenant(deps, { name: options.name ?? "Flexwerk" });
  const now = deps.clock.now();
  const division = options.division ?? 1234567;
  await insertConnectedDivision(deps.db, {
    tenantId: tenant.tenantId,
    division,
    name: "Flexwerk Amsterdam B.V.",
    country: options.country ?? "NL",
    now,
  });
  if (options.reference !== false) {
    for (const kind of ["journals", "glAccounts", "vatCodes"] as const) {
      await deps.db
        .insert(exactReferenceData)
        .values({ tenantId: tenant.tenantId, division, kind, data: dutchReference[kind], fetchedAt: now });
    }
  }
  return { ...tenant, division };
}

/** A desk and a meeting room at 21%: 450.00 + 35.50 + 101.96 VAT = 587.46. */
export function deskInvoice(overrides: Partial<Invoice> = {}): Record<string, unknown> {
  return {
    type: "invoice",
    date: "2026-03-01",
    dueDate: "2026-03-31",
    description: "March 2026",
    customer: { number: "1042", name: "Acme NV", vatNumber: "NL007225994B01", country: "NL" },
    lines: [
      { description: "Dedicated desk, March", amount: "450.00", vatRate: "21", revenueKey: "desk" },
      { description: "Meeting room, 2 h", amount: "35.50", vatRate: "21", revenueKey: "meeting_room" },
    ],
    totalInclVat: "587.46",
    ...overrides,
  };
}

/** The same invoice as a credit note: every amount negative. */
export function deskCreditNote(overrides: Partial<Invoice> = {}): Record<string, unknown> {
  return deskInvoice({
    type: "credit_note",
    lines: [
      {
        description: "Dedicated desk, March (credited)",
        amount: "-450.00",
        vatRate: "21",
        revenueKey: "desk",
      },
      {
        description: "Meeting room, 2 h (credited)",
        amount: "-35.50",
        vatRate: "21",
        revenueKey: "meeting_room",
      },
    ],
    totalInclVat: "-587.46",
    ...overrides,
  });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const jsonRequest = (method: string, token: string | undefined, body?: unknown): RequestInit => ({
  method,
  headers: {
    ...(token ? bearer(token) : {}),
    ...(body === undefined ? {} : { "content-type": "application/json" }),
  },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

import type { GoLiveCustomer, GoLiveOutcome } from "../schemas/go-live";

export interface GoLiveCsvWords {
  header: readonly [
    number: string,
    name: string,
    vat: string,
    outcome: string,
    code: string,
    account: string,
    why: string,
  ];
  outcomes: Record<GoLiveOutcome, string>;
  /** A customer's reasons as one cell. */
  why(customer: GoLiveCustomer): string;
}

export const englishGoLiveWords: GoLiveCsvWords = {
  header: [
    "Customer number",
    "Customer name",
    "VAT number",
    "Outcome",
    "Exact account code",
    "Exact account",
    "Why",
  ],
  outcomes: {
    linked: "Linked",
    will_link: "Will link",
    will_create: "Will create",
    needs_review: "Needs review",
    conflict: "Conflict",
    unknown: "Unknown",
  },
  why: (customer) => customer.reasons.map((reason) => reason.message).join("; "),
};

/**
 * A cell as a spreadsheet reads it back: quoted when it holds a separator, a quote or a line break, and with a
 * leading `'` when it starts like a formula, so that a customer named "=HYPERLINK(…)" stays text (CSV injection).
 */
function cell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The go-live review as CSV for the accountant: one line per customer, CRLF line ends (RFC 4180). */
export function goLiveCsv(
  customers: readonly GoLiveCustomer[],
  words: GoLiveCsvWords = englishGoLiveWords,
): string {
  const lines = [words.header.map(cell).join(",")];
  for (const customer of customers) {
    lines.push(
      [
        customer.customerNumber,
        customer.name,
        customer.vatNumber ?? "",
        words.outcomes[customer.outcome],
        customer.account?.code ?? "",
        customer.account?.name ?? "",
        words.why(customer),
      ]
        .map(cell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

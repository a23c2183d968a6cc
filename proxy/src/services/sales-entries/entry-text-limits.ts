import type { Invoice } from "@zapfloor-exact/shared/schemas/sales-entries";
import type { ValidationProblem } from "../../errors";
import { SALES_ENTRY_FIELD_LIMITS, SALES_ENTRY_LINE_FIELD_LIMITS } from "../../exact/field-limits";

/**
 * The invoice's texts that Exact would not keep whole, each named with its length and the limit. A cut description
 * would book something other than what zapfloor sent, so the invoice is refused instead. (`YourRef`, the invoice
 * number, is bounded by its schema: at most 30 characters, within Exact's 40.)
 */
export function overlongEntryTexts(invoice: Invoice): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const check = (path: string, value: string | undefined, field: string, limit: number) => {
    if (value !== undefined && value.length > limit) {
      problems.push({
        path,
        message: `has ${value.length} characters; Exact Online keeps at most ${limit} in a sales entry's ${field}`,
      });
    }
  };
  check("body.description", invoice.description, "Description", SALES_ENTRY_FIELD_LIMITS.Description);
  invoice.lines.forEach((line, index) => {
    check(
      `body.lines[${index}].description`,
      line.description,
      "line Description",
      SALES_ENTRY_LINE_FIELD_LIMITS.Description,
    );
  });
  return problems;
}

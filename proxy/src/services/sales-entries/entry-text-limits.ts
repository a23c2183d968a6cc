import type { Invoice } from "@zapfloor-exact/shared/schemas/sales-entries";
import type { ValidationProblem } from "../../errors";
import { DEFAULT_FIELD_LIMITS, type FieldLimits } from "../../exact/field-limits";

/**
 * The invoice's texts that Exact would not keep whole, each named with its length and the limit. A cut description
 * would book something other than what zapfloor sent, so the invoice is refused instead. With its number, also
 * the `YourRef` (the API's schema already keeps it within 30 characters, inside Exact's 40 by default).
 */
export function overlongEntryTexts(
  invoice: Invoice,
  limits: FieldLimits = DEFAULT_FIELD_LIMITS,
  invoiceNumber?: string,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const check = (path: string, value: string | undefined, field: string, limit: number) => {
    if (value !== undefined && value.length > limit) {
      problems.push({
        path,
        message: `has ${value.length} characters; Exact Online keeps at most ${limit} in a sales entry's ${field}`,
      });
    }
  };
  check("path.invoiceNumber", invoiceNumber, "YourRef", limits.SalesEntry.YourRef);
  check("body.description", invoice.description, "Description", limits.SalesEntry.Description);
  invoice.lines.forEach((line, index) => {
    check(
      `body.lines[${index}].description`,
      line.description,
      "line Description",
      limits.SalesEntryLine.Description,
    );
  });
  return problems;
}

export * from "./amount";
export * from "./invoice-totals";
export * from "./rounding";
export * from "./vat-rate";

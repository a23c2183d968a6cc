/** Events about one resource are delivered in the order they happened; these name the resources. */
export const resourceKeys = {
  invoice: (division: number, invoiceNumber: string) => `invoice:${division}:${invoiceNumber}`,
  customer: (division: number, customerNumber: string) => `customer:${division}:${customerNumber}`,
  /** A link is about its zapfloor customer: linking, unlinking and relinking it stay in order. */
  link: (division: number, customerNumber: string) => `customer:${division}:${customerNumber}`,
  division: (division: number) => `division:${division}`,
  connection: () => "connection",
};

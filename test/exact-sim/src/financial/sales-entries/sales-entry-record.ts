export interface SalesEntryLineRecord {
  ID: string;
  EntryID: string;
  Division: number;
  LineNumber: number;
  GLAccount: string;
  GLAccountCode: string;
  GLAccountDescription: string;
  /** Excluding VAT. */
  AmountFC: number;
  AmountDC: number;
  VATAmountFC: number;
  VATAmountDC: number;
  VATBaseAmountFC: number;
  VATBaseAmountDC: number;
  VATCode: string | null;
  VATCodeDescription: string | null;
  VATPercentage: number;
  Description: string | null;
  Quantity: number | null;
  CostCenter: string | null;
  CostUnit: string | null;
  From: number | null;
  To: number | null;
  Notes: string | null;
}

export interface SalesEntryRecord {
  EntryID: string;
  Division: number;
  Journal: string;
  JournalDescription: string;
  EntryNumber: number;
  InvoiceNumber: number;
  /** 20 sales entry, 21 sales credit note. */
  Type: number;
  TypeDescription: string;
  /** 20 open, 50 processed. */
  Status: number;
  StatusDescription: string;
  Customer: string;
  CustomerName: string;
  EntryDate: number;
  DueDate: number;
  ReportingYear: number;
  ReportingPeriod: number;
  YourRef: string | null;
  Description: string | null;
  Currency: string;
  Rate: number;
  /** Including VAT: the sum of the lines and their VAT. */
  AmountFC: number;
  AmountDC: number;
  VATAmountFC: number;
  VATAmountDC: number;
  PaymentCondition: string | null;
  PaymentConditionDescription: string | null;
  PaymentReference: string | null;
  ExternalLinkReference: string | null;
  ExternalLinkDescription: string | null;
  OrderNumber: number | null;
  Created: number;
  Creator: string;
  CreatorFullName: string;
  Modified: number;
  Modifier: string;
  ModifierFullName: string;
  lines: SalesEntryLineRecord[];
  /** What the customer paid so far (test control); the rest is outstanding in the receivables list. */
  paidAmountFC: number;
  /** Key (`HID`) and `Id` of the entry's row in read/financial/ReceivablesList. */
  receivableHid: number;
  receivableId: string;
}

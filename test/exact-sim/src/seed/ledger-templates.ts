import { GL_TYPE } from "../financial/gl-accounts/gl-account";
import { JOURNAL_TYPE } from "../financial/journals/journal";

export type JournalTemplate = readonly [
  code: string,
  description: string,
  type: number,
  glAccountCode?: string,
];
/** `vatCode` is the default VAT code of lines booked on a revenue account. */
export type GLTemplate = readonly [
  code: string,
  description: string,
  type: number,
  balanceType: "B" | "W",
  side: "D" | "C",
  vatCode?: string,
];
export type VatTemplate = readonly [
  code: string,
  description: string,
  percentage: number,
  type: "E" | "B",
  transactionType: "S" | "P",
];

export interface LedgerTemplate {
  journals: readonly JournalTemplate[];
  glAccounts: readonly GLTemplate[];
  vatCodes: readonly VatTemplate[];
  /** Cost accounts added to give the chart a realistic size (more than one 60-row page). */
  filler: { from: number; to: number; step: number; description: string; codeDigits: number };
}

const {
  cash,
  bank,
  receivables,
  payables,
  vat,
  fixedAssets,
  equity,
  revenue,
  costOfGoods,
  otherCosts,
  exceptionalIncome,
} = GL_TYPE;
const { sales, purchase, general } = JOURNAL_TYPE;

const NL: LedgerTemplate = {
  journals: [
    ["10", "Kas", JOURNAL_TYPE.cash, "1000"],
    ["20", "Bank", JOURNAL_TYPE.bank, "1100"],
    ["60", "Inkoopboek", purchase, "1600"],
    ["70", "Verkoopboek", sales, "1300"],
    ["71", "Verkoopboek creditnota's", sales, "1300"],
    ["90", "Memoriaal", general],
  ],
  glAccounts: [
    ["0100", "Gebouwen", fixedAssets, "B", "D"],
    ["0200", "Inventaris", fixedAssets, "B", "D"],
    ["0500", "Eigen vermogen", equity, "B", "C"],
    ["1000", "Kas", cash, "B", "D"],
    ["1100", "Bank", bank, "B", "D"],
    ["1300", "Debiteuren", receivables, "B", "D"],
    ["1500", "Te betalen btw", vat, "B", "C"],
    ["1510", "Te vorderen btw", vat, "B", "D"],
    ["1520", "Afdracht btw", vat, "B", "C"],
    ["1600", "Crediteuren", payables, "B", "C"],
    ["4000", "Huur en servicekosten", otherCosts, "W", "D"],
    ["4100", "Personeelskosten", otherCosts, "W", "D"],
    ["4200", "Energie", otherCosts, "W", "D"],
    ["4300", "Schoonmaakkosten", otherCosts, "W", "D"],
    ["4400", "Kantoorbenodigdheden", otherCosts, "W", "D"],
    ["4500", "Marketing", otherCosts, "W", "D"],
    ["7000", "Inkoopwaarde van de omzet", costOfGoods, "W", "D"],
    ["8000", "Omzet verhuur kantoorruimte", revenue, "W", "C", "2"],
    ["8010", "Omzet flexplekken", revenue, "W", "C", "2"],
    ["8020", "Omzet vergaderruimtes", revenue, "W", "C", "2"],
    ["8030", "Omzet virtueel kantoor", revenue, "W", "C", "2"],
    ["8100", "Omzet diensten", revenue, "W", "C", "2"],
    ["8110", "Omzet catering", revenue, "W", "C", "1"],
    ["8200", "Omzet doorbelaste kosten", revenue, "W", "C", "2"],
    ["8300", "Omzet verhuur btw-vrijgesteld", revenue, "W", "C", "0"],
    ["8400", "Omzet intracommunautaire diensten", revenue, "W", "C", "4"],
    ["8900", "Overige opbrengsten", exceptionalIncome, "W", "C"],
  ],
  vatCodes: [
    ["0", "Geen btw", 0, "B", "S"],
    ["1", "Btw laag 9%", 0.09, "E", "S"],
    ["2", "Btw hoog 21%", 0.21, "E", "S"],
    ["3", "Btw verlegd", 0, "B", "S"],
    ["4", "Diensten binnen de EU", 0, "B", "S"],
    ["5", "Export buiten de EU", 0, "B", "S"],
    ["6", "Inkopen btw laag", 0.09, "E", "P"],
    ["7", "Inkopen btw hoog", 0.21, "E", "P"],
  ],
  filler: { from: 4510, to: 4990, step: 10, description: "Algemene kosten", codeDigits: 4 },
};

const BE: LedgerTemplate = {
  journals: [
    ["10", "Kas", JOURNAL_TYPE.cash, "570000"],
    ["20", "Bank", JOURNAL_TYPE.bank, "550000"],
    ["60", "Aankoopdagboek", purchase, "440000"],
    ["70", "Verkoopdagboek", sales, "400000"],
    ["71", "Creditnota's verkoop", sales, "400000"],
    ["90", "Diverse verrichtingen", general],
  ],
  glAccounts: [
    ["220000", "Gebouwen", fixedAssets, "B", "D"],
    ["100000", "Kapitaal", equity, "B", "C"],
    ["400000", "Handelsdebiteuren", receivables, "B", "D"],
    ["411000", "Terug te vorderen btw", vat, "B", "D"],
    ["440000", "Leveranciers", payables, "B", "C"],
    ["451000", "Te betalen btw", vat, "B", "C"],
    ["550000", "Bank", bank, "B", "D"],
    ["570000", "Kas", cash, "B", "D"],
    ["600000", "Aankopen", costOfGoods, "W", "D"],
    ["610000", "Huur", otherCosts, "W", "D"],
    ["612000", "Nutsvoorzieningen", otherCosts, "W", "D"],
    ["613000", "Erelonen", otherCosts, "W", "D"],
    ["620000", "Bezoldigingen", otherCosts, "W", "D"],
    ["700000", "Omzet verhuur kantoren", revenue, "W", "C", "3"],
    ["700100", "Omzet flexplekken", revenue, "W", "C", "3"],
    ["701000", "Omzet vergaderzalen", revenue, "W", "C", "3"],
    ["705000", "Omzet diensten", revenue, "W", "C", "3"],
    ["706000", "Omzet intracommunautaire diensten", revenue, "W", "C", "4"],
    ["740000", "Andere bedrijfsopbrengsten", exceptionalIncome, "W", "C"],
  ],
  vatCodes: [
    ["0", "Geen btw", 0, "B", "S"],
    ["1", "Btw 6%", 0.06, "E", "S"],
    ["2", "Btw 12%", 0.12, "E", "S"],
    ["3", "Btw 21%", 0.21, "E", "S"],
    ["4", "Intracommunautaire levering", 0, "B", "S"],
    ["5", "Uitvoer", 0, "B", "S"],
    ["6", "Medecontractant", 0, "B", "S"],
    ["11", "Aankopen 6%", 0.06, "E", "P"],
    ["13", "Aankopen 21%", 0.21, "E", "P"],
  ],
  filler: { from: 614000, to: 619900, step: 100, description: "Diverse kosten", codeDigits: 6 },
};

const FR: LedgerTemplate = {
  journals: [
    ["30", "Caisse", JOURNAL_TYPE.cash, "530000"],
    ["50", "Banque", JOURNAL_TYPE.bank, "512000"],
    ["60", "Achats", purchase, "401000"],
    ["70", "Ventes", sales, "411000"],
    ["71", "Avoirs clients", sales, "411000"],
    ["90", "Journal Divers", general],
  ],
  glAccounts: [
    ["101000", "Capital", equity, "B", "C"],
    ["401000", "Fournisseurs", payables, "B", "C"],
    ["411000", "Clients", receivables, "B", "D"],
    ["445660", "TVA déductible sur autres biens et services", vat, "B", "D"],
    ["445710", "TVA collectée", vat, "B", "C"],
    ["512000", "Banque", bank, "B", "D"],
    ["530000", "Caisse", cash, "B", "D"],
    ["606000", "Achats non stockés", costOfGoods, "W", "D"],
    ["613200", "Locations immobilières", otherCosts, "W", "D"],
    ["622600", "Honoraires", otherCosts, "W", "D"],
    ["641000", "Rémunérations du personnel", otherCosts, "W", "D"],
    ["706000", "Prestations de services", revenue, "W", "C", "VN"],
    ["707000", "Ventes de marchandises", revenue, "W", "C", "VN"],
    ["708300", "Locations diverses", revenue, "W", "C", "VN"],
    ["708800", "Autres produits d'activités annexes", revenue, "W", "C", "VN"],
    ["758000", "Produits divers de gestion courante", exceptionalIncome, "W", "C"],
  ],
  vatCodes: [
    ["0", "0%", 0, "B", "S"],
    ["VN", "Ventes au taux normal 20%", 0.2, "E", "S"],
    ["VR", "Ventes au taux réduit de 10%", 0.1, "E", "S"],
    ["VB", "Ventes au taux bas 5.5%", 0.055, "E", "S"],
    ["VIS", "Prestation Intracom de services", 0, "B", "S"],
    ["VEX", "Exportation hors EU", 0, "B", "S"],
    ["AN", "Achats taux normal 20%", 0.2, "E", "P"],
  ],
  filler: { from: 623000, to: 628900, step: 100, description: "Autres charges externes", codeDigits: 6 },
};

const DE: LedgerTemplate = {
  journals: [
    ["10", "Kasse", JOURNAL_TYPE.cash, "1000"],
    ["20", "Bank", JOURNAL_TYPE.bank, "1200"],
    ["60", "Einkauf", purchase, "1600"],
    ["70", "Verkauf", sales, "1400"],
    ["71", "Gutschriften Verkauf", sales, "1400"],
    ["90", "Memorial", general],
  ],
  glAccounts: [
    ["0800", "Gezeichnetes Kapital", equity, "B", "C"],
    ["1000", "Kasse", cash, "B", "D"],
    ["1200", "Bank", bank, "B", "D"],
    ["1400", "Forderungen aus Lieferungen und Leistungen", receivables, "B", "D"],
    ["1576", "Abziehbare Vorsteuer 19%", vat, "B", "D"],
    ["1600", "Verbindlichkeiten aus Lieferungen und Leistungen", payables, "B", "C"],
    ["1776", "Umsatzsteuer 19%", vat, "B", "C"],
    ["4120", "Gehälter", otherCosts, "W", "D"],
    ["4210", "Miete", otherCosts, "W", "D"],
    ["4930", "Bürobedarf", otherCosts, "W", "D"],
    ["8125", "Steuerfreie innergemeinschaftliche Leistungen", revenue, "W", "C", "4"],
    ["8300", "Erlöse 7% USt", revenue, "W", "C", "1"],
    ["8400", "Erlöse 19% USt", revenue, "W", "C", "2"],
    ["2700", "Sonstige Erträge", exceptionalIncome, "W", "C"],
  ],
  vatCodes: [
    ["0", "Keine USt", 0, "B", "S"],
    ["1", "USt 7%", 0.07, "E", "S"],
    ["2", "USt 19%", 0.19, "E", "S"],
    ["4", "Innergemeinschaftliche Leistung", 0, "B", "S"],
    ["5", "Ausfuhr", 0, "B", "S"],
  ],
  filler: { from: 4500, to: 4990, step: 10, description: "Sonstige Kosten", codeDigits: 4 },
};

const GB: LedgerTemplate = {
  journals: [
    ["10", "Petty cash", JOURNAL_TYPE.cash, "1230"],
    ["20", "Bank", JOURNAL_TYPE.bank, "1200"],
    ["60", "Purchase ledger", purchase, "2100"],
    ["70", "Sales ledger", sales, "1100"],
    ["71", "Sales credit notes", sales, "1100"],
    ["90", "General journal", general],
  ],
  glAccounts: [
    ["1100", "Debtors control account", receivables, "B", "D"],
    ["1200", "Bank current account", bank, "B", "D"],
    ["1230", "Petty cash", cash, "B", "D"],
    ["2100", "Creditors control account", payables, "B", "C"],
    ["2200", "Sales tax control account", vat, "B", "C"],
    ["2201", "Purchase tax control account", vat, "B", "D"],
    ["3000", "Ordinary shares", equity, "B", "C"],
    ["4000", "Sales - office rental", revenue, "W", "C", "2"],
    ["4010", "Sales - hot desks", revenue, "W", "C", "2"],
    ["4020", "Sales - meeting rooms", revenue, "W", "C", "2"],
    ["4900", "Other income", exceptionalIncome, "W", "C"],
    ["5000", "Cost of sales", costOfGoods, "W", "D"],
    ["7000", "Wages", otherCosts, "W", "D"],
    ["7100", "Rent", otherCosts, "W", "D"],
    ["7500", "Office costs", otherCosts, "W", "D"],
  ],
  vatCodes: [
    ["0", "Zero rated", 0, "B", "S"],
    ["1", "Reduced rate 5%", 0.05, "E", "S"],
    ["2", "Standard rate 20%", 0.2, "E", "S"],
    ["3", "Exempt", 0, "B", "S"],
    ["4", "EC sales of services", 0, "B", "S"],
  ],
  filler: { from: 7510, to: 7990, step: 10, description: "Overheads", codeDigits: 4 },
};

const TEMPLATES: Record<string, LedgerTemplate> = { NL, BE, FR, DE, GB };

export function ledgerTemplate(country: string): LedgerTemplate {
  return TEMPLATES[country] ?? NL;
}

const TYPE_DESCRIPTIONS: Record<number, string> = {
  [cash]: "Kas",
  [bank]: "Bank",
  [receivables]: "Debiteuren",
  [payables]: "Crediteuren",
  [vat]: "Btw",
  [fixedAssets]: "Vaste activa",
  [equity]: "Eigen vermogen",
  [revenue]: "Opbrengsten",
  [costOfGoods]: "Kostprijs van de omzet",
  [otherCosts]: "Overige kosten",
  [exceptionalIncome]: "Buitengewone baten",
  90: "Algemeen",
};

export function glTypeDescription(type: number): string {
  return TYPE_DESCRIPTIONS[type] ?? "Algemeen";
}

import type { EdmType } from "../../odata/entity-schema";
import type { SimulatorState } from "../../state/simulator-state";
import type { SimUser } from "../../state/user";
import { amsterdamOffsetMs, formatAmsterdamIso } from "../../util/amsterdam-time";

/** `Exact.Web.Api.Models.System.Me` properties in recorded order (nango/extracted/current-me.json). */
export const ME_FIELDS: readonly (readonly [string, EdmType])[] = [
  ["CurrentDivision", "Edm.Int32"],
  ["DivisionCustomer", "Edm.Guid"],
  ["DivisionCustomerCode", "Edm.String"],
  ["DivisionCustomerName", "Edm.String"],
  ["DivisionCustomerVatNumber", "Edm.String"],
  ["DivisionCustomerSiretNumber", "Edm.String"],
  ["DossierDivision", "Edm.Int32"],
  ["AccountingDivision", "Edm.Int32"],
  ["IsEmployeeSelfServiceUser", "Edm.Boolean"],
  ["IsMyFirmLiteUser", "Edm.Boolean"],
  ["IsStarterUser", "Edm.Boolean"],
  ["IsMyFirmPortalUser", "Edm.Boolean"],
  ["IsClientUser", "Edm.Boolean"],
  ["FullName", "Edm.String"],
  ["PictureUrl", "Edm.String"],
  ["ThumbnailPicture", "Edm.String"],
  ["ThumbnailPictureFormat", "Edm.String"],
  ["UserID", "Edm.Guid"],
  ["UserName", "Edm.String"],
  ["LanguageCode", "Edm.String"],
  ["Legislation", "Edm.String"],
  ["Email", "Edm.String"],
  ["Title", "Edm.String"],
  ["Initials", "Edm.String"],
  ["FirstName", "Edm.String"],
  ["MiddleName", "Edm.String"],
  ["LastName", "Edm.String"],
  ["Gender", "Edm.String"],
  ["Nationality", "Edm.String"],
  ["Language", "Edm.String"],
  ["Phone", "Edm.String"],
  ["PhoneExtension", "Edm.String"],
  ["Mobile", "Edm.String"],
  ["ServerTime", "Edm.String"],
  ["ServerUtcOffset", "Edm.Int32"],
  ["EmployeeID", "Edm.Guid"],
  ["CustomerCode", "Edm.String"],
  ["PackageCode", "Edm.String"],
  ["IsOEIMigrationMandatory", "Edm.Boolean"],
];

const LEGISLATION: Record<string, string> = { NL: "1", BE: "2", DE: "3", GB: "4", FR: "128" };

export function meRow(user: SimUser, state: SimulatorState, now: number): Record<string, unknown> {
  const current = state.currentDivision !== undefined ? state.division(state.currentDivision) : undefined;
  const country = current?.profile.country ?? "NL";
  return {
    CurrentDivision: state.currentDivision ?? null,
    DivisionCustomerCode: current ? String(current.code).padStart(18, " ") : null,
    DivisionCustomerName: current?.profile.name ?? null,
    DivisionCustomerSiretNumber: "",
    AccountingDivision: state.currentDivision ?? null,
    IsEmployeeSelfServiceUser: false,
    IsMyFirmLiteUser: false,
    IsStarterUser: false,
    IsMyFirmPortalUser: false,
    IsClientUser: true,
    FullName: user.fullName,
    UserID: user.id,
    UserName: user.email,
    LanguageCode: user.languageCode,
    Legislation: LEGISLATION[country] ?? "1",
    Email: user.email,
    FirstName: user.firstName,
    LastName: user.lastName,
    Gender: "O",
    Language: user.languageCode.slice(0, 2).toUpperCase(),
    // Amsterdam wall-clock without zone, and the offset in seconds (7200 in summer) [S11 current-me.json].
    ServerTime: formatAmsterdamIso(now, false),
    ServerUtcOffset: amsterdamOffsetMs(now) / 1000,
    EmployeeID: "00000000-0000-0000-0000-000000000000",
    PackageCode: "EOLAPPCENTER",
    IsOEIMigrationMandatory: true,
  };
}

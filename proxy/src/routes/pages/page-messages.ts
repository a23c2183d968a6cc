import { html } from "hono/html";
import type { PageLanguage } from "./page-language";

type Html = ReturnType<typeof html>;

/** Why a consent page says the connection was not made, by a stable name. */
export type PageProblem =
  | "cancelled"
  | "gone"
  | "other_browser"
  | "already_received"
  | "not_given"
  | "not_accepted"
  | "no_preview"
  | "app_rejected"
  | "failed";

/**
 * Everything the consent pages say, in Exact's own words per language (nl: administratie, fr: dossier), as
 * the extension says them. Values go into `html` templates, which escape them.
 */
export interface PageMessages {
  confirmTitle: string;
  confirmHeading: (tenant: string) => Html;
  confirmIntro: (tenant: string, user: Html) => Html;
  thisExactUser: string;
  notYourTenant: string;
  connect: string;
  cancel: string;
  title: string;
  connectedHeading: string;
  signedInAs: (user: string) => Html;
  mirroredDivisions: string;
  closeTab: string;
  notConnectedHeading: string;
  startAgain: string;
  exactSaid: (message: string) => Html;
  pairSummary: string;
  pairHelp: string;
  proxyUrl: string;
  pairingCode: string;
  codeValidity: (minutes: number) => Html;
  problems: Record<PageProblem, string>;
}

const en: PageMessages = {
  confirmTitle: "zapfloor link — confirm the Exact Online connection",
  confirmHeading: (tenant) => html`Connect Exact Online to ${tenant}?`,
  confirmIntro: (tenant, user) =>
    html`The zapfloor tenant <strong>${tenant}</strong> will read and write these Exact Online divisions as
      <strong>${user}</strong>:`,
  thisExactUser: "this Exact user",
  notYourTenant: "If this is not your zapfloor tenant, cancel: someone may have sent you their link.",
  connect: "Connect",
  cancel: "Cancel",
  title: "zapfloor link — Exact Online",
  connectedHeading: "Exact Online is connected",
  signedInAs: (user) => html`Signed in as ${user}.`,
  mirroredDivisions: "The proxy now mirrors these divisions:",
  closeTab: "You can close this tab.",
  notConnectedHeading: "Exact Online was not connected",
  startAgain: "Start again from the extension's options page.",
  exactSaid: (message) => html`Exact Online said: “${message}”`,
  pairSummary: "Pair the browser extension",
  pairHelp: 'In the extension\'s options, under "Pair with a code", enter the proxy URL and this code:',
  proxyUrl: "Proxy URL",
  pairingCode: "Pairing code",
  codeValidity: (minutes) => html`The code works once, for ${minutes} minutes.`,
  problems: {
    cancelled: "You cancelled the connection.",
    gone: "This Exact Online consent was already used or has expired.",
    other_browser:
      "This Exact Online consent was started in another browser; only that browser can finish it.",
    already_received: "This Exact Online consent was already received.",
    not_given: "Exact Online gave no consent.",
    not_accepted: "Exact Online did not accept the consent.",
    no_preview: "Exact Online did not say which user and divisions the consent covers.",
    app_rejected:
      "Exact Online refuses the proxy's app registration; whoever runs the proxy must fix its Exact app settings.",
    failed: "The proxy could not finish the connection just now. Try again in a moment.",
  },
};

const nl: PageMessages = {
  confirmTitle: "zapfloor-koppeling — verbinding met Exact Online bevestigen",
  confirmHeading: (tenant) => html`Exact Online verbinden met ${tenant}?`,
  confirmIntro: (tenant, user) =>
    html`De zapfloor-omgeving <strong>${tenant}</strong> zal deze Exact Online-administraties lezen en wijzigen
      als <strong>${user}</strong>:`,
  thisExactUser: "deze Exact-gebruiker",
  notYourTenant:
    "Is dit niet uw zapfloor-omgeving, annuleer dan: misschien heeft iemand u zijn eigen link gestuurd.",
  connect: "Verbinden",
  cancel: "Annuleren",
  title: "zapfloor-koppeling — Exact Online",
  connectedHeading: "Exact Online is verbonden",
  signedInAs: (user) => html`Aangemeld als ${user}.`,
  mirroredDivisions: "De proxy houdt nu een kopie bij van deze administraties:",
  closeTab: "U kunt dit tabblad sluiten.",
  notConnectedHeading: "Exact Online is niet verbonden",
  startAgain: "Begin opnieuw vanuit de instellingen van de extensie.",
  exactSaid: (message) => html`Exact Online meldde: „${message}”`,
  pairSummary: "Browserextensie aanmelden",
  pairHelp:
    'Vul in de instellingen van de extensie, onder "Aanmelden met een code", de proxy-URL en deze code in:',
  proxyUrl: "Proxy-URL",
  pairingCode: "Aanmeldcode",
  codeValidity: (minutes) => html`De code werkt één keer, ${minutes} minuten lang.`,
  problems: {
    cancelled: "U hebt de verbinding geannuleerd.",
    gone: "Deze toestemming voor Exact Online is al gebruikt of verlopen.",
    other_browser:
      "Deze toestemming voor Exact Online is in een andere browser gestart; alleen die browser kan ze afronden.",
    already_received: "Deze toestemming voor Exact Online is al ontvangen.",
    not_given: "Exact Online heeft geen toestemming gegeven.",
    not_accepted: "Exact Online heeft de toestemming niet aanvaard.",
    no_preview: "Exact Online meldde niet voor welke gebruiker en administraties de toestemming geldt.",
    app_rejected:
      "Exact Online weigert de app-registratie van de proxy; wie de proxy beheert, moet de Exact-appinstellingen herstellen.",
    failed: "De proxy kon de verbinding nu niet afronden. Probeer het straks opnieuw.",
  },
};

const fr: PageMessages = {
  confirmTitle: "Liaison zapfloor — confirmer la connexion à Exact Online",
  confirmHeading: (tenant) => html`Connecter Exact Online à ${tenant} ?`,
  confirmIntro: (tenant, user) =>
    html`L'espace zapfloor <strong>${tenant}</strong> lira et modifiera ces dossiers Exact Online en tant que
      <strong>${user}</strong> :`,
  thisExactUser: "cet utilisateur Exact",
  notYourTenant:
    "Si ce n'est pas votre espace zapfloor, annulez : quelqu'un vous a peut-être envoyé son propre lien.",
  connect: "Connecter",
  cancel: "Annuler",
  title: "Liaison zapfloor — Exact Online",
  connectedHeading: "Exact Online est connecté",
  signedInAs: (user) => html`Connecté en tant que ${user}.`,
  mirroredDivisions: "Le proxy tient désormais une copie de ces dossiers :",
  closeTab: "Vous pouvez fermer cet onglet.",
  notConnectedHeading: "Exact Online n'a pas été connecté",
  startAgain: "Recommencez depuis les paramètres de l'extension.",
  exactSaid: (message) => html`Exact Online a répondu : « ${message} »`,
  pairSummary: "Associer l'extension du navigateur",
  pairHelp:
    "Dans les paramètres de l'extension, sous « Associer avec un code », saisissez l'URL du proxy et ce code :",
  proxyUrl: "URL du proxy",
  pairingCode: "Code d'association",
  codeValidity: (minutes) => html`Le code fonctionne une seule fois, pendant ${minutes} minutes.`,
  problems: {
    cancelled: "Vous avez annulé la connexion.",
    gone: "Cette autorisation Exact Online a déjà été utilisée ou a expiré.",
    other_browser:
      "Cette autorisation Exact Online a été commencée dans un autre navigateur ; seul ce navigateur peut la terminer.",
    already_received: "Cette autorisation Exact Online a déjà été reçue.",
    not_given: "Exact Online n'a pas donné d'autorisation.",
    not_accepted: "Exact Online n'a pas accepté l'autorisation.",
    no_preview: "Exact Online n'a pas indiqué quel utilisateur et quels dossiers l'autorisation couvre.",
    app_rejected:
      "Exact Online refuse l'enregistrement d'application du proxy ; qui gère le proxy doit corriger ses paramètres d'application Exact.",
    failed: "Le proxy n'a pas pu terminer la connexion pour l'instant. Réessayez dans un instant.",
  },
};

export const pageMessages: Record<PageLanguage, PageMessages> = { en, nl, fr };

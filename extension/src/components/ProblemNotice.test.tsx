// @vitest-environment happy-dom
import { ERROR_REASONS } from "@zapfloor-exact/shared/schemas/problem-codes";
import { describe, expect, it } from "vitest";
import { catalogOf } from "../i18n/translate";
import { show } from "../testing/render";
import { ProblemNotice } from "./ProblemNotice";

const forbidden = {
  kind: "forbidden" as const,
  message: "This needs a bookkeeper token; this one is an integration token.",
};
const notFound = { kind: "not_found" as const, message: "Invoice 2026-0300 not found." };

describe("ProblemNotice", () => {
  it("leaves out the proxy's English where the translated sentence already says it all", () => {
    const nl = show(<ProblemNotice problem={forbidden} />, "nl");
    expect(nl.querySelector("[lang=en]")).toBeNull();
    expect(nl.textContent).toContain("Gebruik een boekhoudertoken, geen integratietoken.");
    expect(show(<ProblemNotice problem={forbidden} />, "en").querySelector("[lang=en]")?.textContent).toBe(
      forbidden.message,
    );
  });

  it("keeps the proxy's English, marked, where it names what the sentence cannot", () => {
    const fr = show(<ProblemNotice problem={notFound} />, "fr");
    expect(fr.querySelector("[lang=en]")?.textContent).toBe(notFound.message);
  });

  it.each(["nl", "fr"] as const)(
    "says every error the proxy names by reason in %s, without its English",
    (locale) => {
      const params = {
        invoice: "2026-0300",
        customer: "1043",
        account: "Bakkerij De Vries B.V.",
        division: "1234567",
        status: "503",
        entry: "26700001",
        accountStatus: "P",
        vat: "NL001234567B01",
        seconds: "30",
        max: "9",
        fields: "name",
        resetAt: "2026-03-02T00:00:00.000Z",
        needed: "bookkeeper",
        role: "integration",
        token: "tok_7",
        tenant: "t_1",
        refusal: "private_address",
        host: "10.0.0.8",
        endpoint: "ep_1",
        event: "evt_1",
        kind: "storage_busy",
        kb: "32",
      };
      const catalog = catalogOf(locale);
      // Values named by a code are said in words: a status, a token's role, why a URL was refused.
      const words: Record<string, string> = {
        accountStatus: catalog["status.P"],
        needed: catalog["apiError.role.bookkeeper"],
        role: catalog["apiError.role.integration"],
        refusal: catalog["apiError.webhookUrl.private_address"].replace("{host}", params.host),
        kind: catalog["apiError.kind.storage_busy"],
      };
      for (const reason of ERROR_REASONS) {
        expect(catalogOf(locale), reason).toHaveProperty([`apiError.${reason}`]);
        const problem = {
          kind: "conflict" as const,
          message: "The proxy's English.",
          said: { reason, params },
        };
        const notice = show(<ProblemNotice problem={problem} />, locale);
        const detail = notice.querySelector(`[data-reason=${reason}]`);
        expect(detail?.textContent, reason).toBe(
          catalog[`apiError.${reason}`].replace(
            /\{(\w+)\}/g,
            (_, name: string) => words[name] ?? params[name as keyof typeof params],
          ),
        );
        expect(notice.querySelector("[lang=en]"), reason).toBeNull();
        expect(notice.textContent).not.toContain("The proxy's English.");
      }
    },
  );

  it("quotes what Exact said as Exact wrote it, in its own language, inside a translated sentence", () => {
    const refused = {
      kind: "failed" as const,
      httpStatus: 502,
      message: "Exact Online refused it: Dagboek 70 is geblokkeerd",
      said: { reason: "exact_refused" as const, params: { exactMessage: "Dagboek 70 is geblokkeerd" } },
    };
    const fr = show(<ProblemNotice problem={refused} />, "fr");
    const quoted = fr.querySelector("q");
    expect(quoted?.textContent).toBe("Dagboek 70 is geblokkeerd");
    // Exact names no language in its answers: unknown, not English.
    expect(quoted?.getAttribute("lang")).toBe("");
    expect(fr.querySelector("[data-reason=exact_refused]")?.textContent).toBe(
      "Exact Online l'a refusé. Exact a répondu : Dagboek 70 is geblokkeerd",
    );
    expect(fr.querySelector("[lang=en]")).toBeNull();
    const named = {
      ...refused,
      said: { ...refused.said, params: { exactMessage: "Journal bloqué", exactLang: "fr-BE" } },
    };
    expect(
      show(<ProblemNotice problem={named} />, "nl")
        .querySelector("q")
        ?.getAttribute("lang"),
    ).toBe("fr-BE");
  });

  it("says in the reader's words that a retry waits on its customer", () => {
    const waiting = { kind: "customer_needs_review" as const, customer: "1043" };
    const fr = show(<ProblemNotice problem={waiting} />, "fr");
    expect(fr.querySelector("[lang=en]")).toBeNull();
    expect(fr.textContent).toContain(
      "Pas de nouvel essai : le client zapfloor 1043 attend encore une décision.",
    );
    expect(show(<ProblemNotice problem={waiting} />, "nl").textContent).toContain("zapfloor-klant 1043");
  });

  it("says a link refused while Exact's minute is spent, with when to try again, in every language", () => {
    const spent = {
      kind: "failed" as const,
      httpStatus: 429,
      message: "Exact Online's calls for this division are used up for this minute; try again in 48 s.",
      said: { reason: "exact_minute_used" as const, params: { seconds: "48" } },
    };
    const detail = (locale: "en" | "nl" | "fr") =>
      show(<ProblemNotice problem={spent} />, locale).querySelector("[data-reason=exact_minute_used]")
        ?.textContent;
    expect(detail("nl")).toBe(
      "De oproepen naar Exact Online voor deze administratie zijn voor deze minuut op; probeer opnieuw over 48 s. Er is niets gewijzigd.",
    );
    expect(detail("fr")).toBe(
      "Les appels à Exact Online pour ce dossier sont épuisés pour cette minute ; réessayez dans 48 s. Rien n'a été modifié.",
    );
    expect(detail("en")).toContain("try again in 48 s");
    expect(show(<ProblemNotice problem={spent} />, "fr").querySelector("[lang=en]")).toBeNull();
  });
});

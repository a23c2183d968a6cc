// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
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

  it("says in the reader's words that a retry waits on its customer", () => {
    const waiting = { kind: "customer_needs_review" as const, customer: "1043" };
    const fr = show(<ProblemNotice problem={waiting} />, "fr");
    expect(fr.querySelector("[lang=en]")).toBeNull();
    expect(fr.textContent).toContain(
      "Pas de nouvel essai : le client zapfloor 1043 attend encore une décision.",
    );
    expect(show(<ProblemNotice problem={waiting} />, "nl").textContent).toContain("zapfloor-klant 1043");
  });
});

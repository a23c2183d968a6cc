// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseExactAccountPage } from "./exact-account-page";
import { PANEL_PLACEMENT } from "./panel-placement";

const HOST_PAGES = path.resolve(import.meta.dirname, "../../../test/fixtures/host-pages");
const ACCOUNT = {
  host: "start.exactonline.nl",
  division: 123456,
  accountId: "5f2b4d3e-8c1a-4b7e-9d20-3a6f1c0e7b42",
};

function savedPage(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(path.join(HOST_PAGES, file), "utf8"), "text/html");
}

/** Parsed inert, so that happy-dom does not try to load the page's frames. */
function savedPageInert(file: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = readFileSync(path.join(HOST_PAGES, file), "utf8");
  return template.content;
}

function resolvedAttribute(page: ParentNode, selector: string, attribute: string, pageUrl: string): string {
  const value = page.querySelector(selector)?.getAttribute(attribute);
  if (value == null) throw new Error(`${selector} has no ${attribute}`);
  return new URL(value, pageUrl).href;
}

describe("saved Exact pages", () => {
  it.each([
    ["crm-account-card.html", "https://start.exactonline.nl/docs/CRMAccountCard.aspx"],
    ["crm-account.html", "https://start.exactonline.nl/docs/CRMAccount.aspx"],
  ])("%s posts back to an account page URL the content script reads", (file, pageUrl) => {
    const postBack = resolvedAttribute(savedPage(file), "form#MainForm", "action", pageUrl);
    expect(parseExactAccountPage(postBack)).toEqual(ACCOUNT);
  });

  it("the portal is not an account page, but its frame opens one", () => {
    const portalUrl = "https://start.exactonline.nl/docs/MenuPortal.aspx?_Division_=123456";
    const frameUrl = resolvedAttribute(
      savedPageInert("menu-portal.html"),
      "iframe#MainWindow",
      "src",
      portalUrl,
    );
    expect(parseExactAccountPage(portalUrl)).toBeNull();
    expect(parseExactAccountPage(frameUrl)).toEqual(ACCOUNT);
  });

  it.each(["crm-account-card.html", "crm-account.html"])(
    "%s: the panel lands above Exact's page header",
    (file) => {
      const page = savedPage(file);
      const anchor = page.querySelector(PANEL_PLACEMENT.anchor);
      const panel = page.createElement("zapfloor-exact-panel");
      expect(PANEL_PLACEMENT.append).toBe("first");
      anchor?.prepend(panel);
      expect(page.body.firstElementChild).toBe(panel);
      expect(panel.compareDocumentPosition(page.getElementById("PageHeader")!)).toBe(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
    },
  );
});

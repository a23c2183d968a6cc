// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n/I18nContext";
import { catalogOf } from "../i18n/translate";
import type { ProxySettings } from "../utils/proxy-client";
import { OptionsForm } from "./OptionsForm";
import type { PairResult } from "./PairingFields";

let container: HTMLElement;

function showForm(initial: ProxySettings = { url: "", token: "" }, locale: "en" | "nl" = "en") {
  const onSave = vi.fn(async (_: ProxySettings) => {});
  const onPair = vi.fn(
    async (_url: string, code: string): Promise<PairResult & { savedToken?: string }> =>
      code === "K7QM-3XPA"
        ? { ok: true, value: { tenantName: "Acme" }, savedToken: "paired-token" }
        : {
            ok: false,
            problem: { kind: "failed", httpStatus: 400, message: "This pairing code is not valid" },
          },
  );
  const onTestConnection = vi.fn(
    async (_: ProxySettings) => ({ state: "healthy", version: "0.1.0" }) as const,
  );
  container = document.createElement("div");
  document.body.append(container);
  act(() =>
    render(
      <I18nProvider locale={locale} messages={catalogOf(locale)}>
        <OptionsForm initial={initial} onSave={onSave} onTestConnection={onTestConnection} onPair={onPair} />
      </I18nProvider>,
      container,
    ),
  );
  return { onSave, onTestConnection, onPair };
}

function type(name: string, value: string) {
  const input = container.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

async function click(name: string) {
  const button = [...container.querySelectorAll("button")].find((b) => b.textContent === name)!;
  await act(async () => button.click());
}

afterEach(() => {
  render(null, container);
  container.remove();
});

describe("OptionsForm", () => {
  it("shows the saved settings", () => {
    showForm({ url: "https://link.example.com", token: "abc" });
    expect(container.querySelector<HTMLInputElement>("input[name=proxyUrl]")?.value).toBe(
      "https://link.example.com",
    );
    expect(container.querySelector<HTMLInputElement>("input[name=token]")?.value).toBe("abc");
  });

  it("saves the normalised URL and the trimmed token", async () => {
    const { onSave } = showForm();
    type("proxyUrl", " https://link.example.com/ ");
    type("token", " abc ");
    await click("Save");
    expect(onSave).toHaveBeenCalledWith({ url: "https://link.example.com", token: "abc" });
    expect(container.textContent).toContain("Saved.");
  });

  it("explains a refused URL and saves nothing", async () => {
    const { onSave } = showForm();
    type("proxyUrl", "http://link.example.com");
    await click("Save");
    expect(onSave).not.toHaveBeenCalled();
    expect(container.querySelector("[role=alert]")?.textContent).toBe(
      "Use https (plain http is only allowed for localhost).",
    );
    expect(container.querySelector("input[name=proxyUrl]")?.getAttribute("aria-invalid")).toBe("true");
  });

  it("says why saving failed", async () => {
    const { onSave } = showForm();
    onSave.mockRejectedValueOnce(new Error("the browser did not allow the extension to reach this proxy"));
    type("proxyUrl", "https://link.example.com");
    await click("Save");
    expect(container.textContent).toContain(
      "Not saved: the browser did not allow the extension to reach this proxy",
    );
  });

  it("tests the connection with what is typed, before saving", async () => {
    const { onSave, onTestConnection } = showForm();
    type("proxyUrl", "http://localhost:8787");
    await click("Test connection");
    expect(onTestConnection).toHaveBeenCalledWith({ url: "http://localhost:8787", token: "" });
    expect(onSave).not.toHaveBeenCalled();
    expect(container.querySelector("[role=status].zfx-health")?.textContent).toBe(
      "Proxy healthy (version 0.1.0)",
    );
  });

  it("pairs with a code: the typed proxy URL and the code in, the saved token shown", async () => {
    const { onPair, onSave } = showForm();
    type("proxyUrl", "https://link.example.com/");
    type("pairingCode", " K7QM-3XPA ");
    await click("Pair");
    expect(onPair).toHaveBeenCalledWith("https://link.example.com", "K7QM-3XPA");
    expect(onSave).not.toHaveBeenCalled();
    expect(container.textContent).toContain("Paired with Acme. The bookkeeper token is saved.");
    expect(container.querySelector<HTMLInputElement>("input[name=token]")?.value).toBe("paired-token");
    expect(container.querySelector<HTMLInputElement>("input[name=pairingCode]")?.value).toBe("");
  });

  it("words a refused pairing code in the person's language, and sends nothing without a URL and a code", async () => {
    const { onPair } = showForm({ url: "", token: "" }, "nl");
    type("pairingCode", "AAAA-AAAA");
    await click("Aanmelden");
    expect(onPair).not.toHaveBeenCalled();
    expect(container.querySelector("[role=alert]")?.textContent).toBe("Vul de proxy-URL in.");

    type("proxyUrl", "http://127.0.0.1:8787");
    type("pairingCode", "");
    await click("Aanmelden");
    expect(container.textContent).toContain("Vul de aanmeldcode in.");

    type("pairingCode", "AAAA-AAAA");
    await click("Aanmelden");
    expect(onPair).toHaveBeenCalledOnce();
    expect(container.textContent).toContain(
      "Deze aanmeldcode is ongeldig, al gebruikt of verlopen. Vraag een nieuwe.",
    );
    expect(container.textContent).not.toContain("This pairing code");
  });
});

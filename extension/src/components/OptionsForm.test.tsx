// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n/I18nContext";
import { catalogOf } from "../i18n/translate";
import type { ProxySettings } from "../utils/proxy-client";
import { OptionsForm } from "./OptionsForm";

let container: HTMLElement;

function showForm(initial: ProxySettings = { url: "", token: "" }) {
  const onSave = vi.fn(async (_: ProxySettings) => {});
  const onTestConnection = vi.fn(
    async (_: ProxySettings) => ({ state: "healthy", version: "0.1.0" }) as const,
  );
  container = document.createElement("div");
  document.body.append(container);
  act(() =>
    render(
      <I18nProvider locale="en" messages={catalogOf("en")}>
        <OptionsForm initial={initial} onSave={onSave} onTestConnection={onTestConnection} />
      </I18nProvider>,
      container,
    ),
  );
  return { onSave, onTestConnection };
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
});

import { type ComponentChildren, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach } from "vitest";
import { I18nProvider } from "../i18n/I18nContext";
import type { Locale } from "../i18n/locale";
import { catalogOf } from "../i18n/translate";

let containers: HTMLElement[] = [];

afterEach(() => {
  for (const container of containers) {
    render(null, container);
    container.remove();
  }
  containers = [];
});

/** Renders into a fresh container in the given language; unmounted after the test. */
export function show(ui: ComponentChildren, locale: Locale = "en"): HTMLElement {
  const container = document.createElement("div");
  document.body.append(container);
  containers.push(container);
  act(() =>
    render(
      <I18nProvider locale={locale} messages={catalogOf(locale)}>
        {ui}
      </I18nProvider>,
      container,
    ),
  );
  return container;
}

export function buttonNamed(container: ParentNode, name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll("button")].find(
    (b) => (b.getAttribute("aria-label") ?? b.textContent?.trim()) === name,
  );
  if (!found) throw new Error(`no "${name}" button`);
  return found;
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
}

export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

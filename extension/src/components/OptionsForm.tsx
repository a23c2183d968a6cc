import { useState } from "preact/hooks";
import type { ProxySettings } from "../utils/proxy-client";
import { checkProxyUrl } from "../utils/proxy-url";
import "./OptionsForm.css";
import { type HealthView, ProxyHealthLine } from "./ProxyHealthLine";

type SaveState =
  | { state: "idle" }
  | { state: "saving" }
  | { state: "saved" }
  | { state: "failed"; detail: string };

interface OptionsFormProps {
  initial: ProxySettings;
  /**
   * Both are called synchronously from the click, so that the browser still treats a permission
   * request made inside them as a user gesture.
   */
  onSave(settings: ProxySettings): Promise<void>;
  onTestConnection(settings: ProxySettings): Promise<HealthView>;
}

export function OptionsForm({ initial, onSave, onTestConnection }: OptionsFormProps) {
  const [url, setUrl] = useState(initial.url);
  const [token, setToken] = useState(initial.token);
  const [problem, setProblem] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ state: "idle" });
  const [test, setTest] = useState<HealthView | null>(null);

  function validSettings(): ProxySettings | null {
    const check = checkProxyUrl(url);
    setProblem(check.ok ? null : check.problem);
    return check.ok ? { url: check.baseUrl, token: token.trim() } : null;
  }

  function handleSubmit(event: Event) {
    event.preventDefault();
    const settings = validSettings();
    if (settings === null) return;
    setSave({ state: "saving" });
    onSave(settings).then(
      () => setSave({ state: "saved" }),
      (error: unknown) =>
        setSave({ state: "failed", detail: error instanceof Error ? error.message : String(error) }),
    );
  }

  function handleTest() {
    const settings = validSettings();
    if (settings === null) return;
    setTest({ state: "checking" });
    onTestConnection(settings).then(setTest, (error: unknown) =>
      setTest({ state: "failed", detail: error instanceof Error ? error.message : String(error) }),
    );
  }

  return (
    <form class="zfx-options" onSubmit={handleSubmit} noValidate>
      <label class="zfx-options__field">
        <span>Proxy URL</span>
        <input
          type="url"
          name="proxyUrl"
          value={url}
          placeholder="https://exact-link.example.com"
          aria-invalid={problem !== null}
          aria-describedby="zfx-url-problem"
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
      </label>
      <p id="zfx-url-problem" class="zfx-options__problem" role="alert">
        {problem}
      </p>
      <label class="zfx-options__field">
        <span>Bookkeeper token</span>
        <input
          type="password"
          name="token"
          value={token}
          autoComplete="off"
          onInput={(event) => setToken(event.currentTarget.value)}
        />
      </label>
      <div class="zfx-options__actions">
        <button type="submit" disabled={save.state === "saving"}>
          Save
        </button>
        <button type="button" onClick={handleTest}>
          Test connection
        </button>
        <span class="zfx-options__saved" role="status">
          {save.state === "saved" && "Saved."}
          {save.state === "failed" && `Not saved: ${save.detail}`}
        </span>
      </div>
      {test !== null && <ProxyHealthLine health={test} onRetry={handleTest} />}
    </form>
  );
}

import { LOCALES } from "../i18n/locale";
import { catalogOf } from "../i18n/translate";
import {
  type KeptAccount,
  keptAccountKey,
  PANEL_MESSAGES_KEY,
  PANEL_STYLE_KEY,
} from "../utils/panel-session";
import { type AccountCache, MAX_CACHED_ACCOUNTS } from "./account-cache";

interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Which kept accounts are in the session area, oldest first: the background is its only writer. */
const KEPT_ORDER_KEY = "panelKeptOrder";

/**
 * Puts what the panel's first paint needs into `storage.session` once per browser session (the area empties when
 * the browser or the extension restarts): the stylesheet and every language's messages.
 */
export async function publishPanelKit(session: SessionArea, readStylesheet: () => Promise<string>) {
  if ((await session.get(PANEL_STYLE_KEY))[PANEL_STYLE_KEY] !== undefined) return;
  const style = await readStylesheet();
  if (!style) return;
  const messages = Object.fromEntries(LOCALES.map((locale) => [locale, catalogOf(locale)]));
  await session.set({ [PANEL_MESSAGES_KEY]: messages, [PANEL_STYLE_KEY]: style });
}

/**
 * The account cache, with a copy of each answer it keeps or gives in `storage.session`, where the panel reads the
 * state of its own account as the page starts instead of asking the background (which may be asleep). The
 * `max` accounts written last are kept there; the cache itself stays the record across browser restarts.
 */
export function keptInSession(
  cache: AccountCache,
  session: SessionArea,
  max = MAX_CACHED_ACCOUNTS,
): AccountCache {
  let order: Promise<string[]> | undefined;
  let writes = Promise.resolve();
  const keep = (ref: Parameters<AccountCache["get"]>[0], kept: KeptAccount) => {
    writes = writes
      .then(async () => {
        order ??= session.get(KEPT_ORDER_KEY).then((stored) => (stored[KEPT_ORDER_KEY] as string[]) ?? []);
        const keys = await order;
        const key = keptAccountKey({ division: ref.division, accountId: ref.accountId.toLowerCase() });
        const at = keys.indexOf(key);
        if (at >= 0) keys.splice(at, 1);
        keys.push(key);
        const dropped = keys.splice(0, Math.max(0, keys.length - max));
        await session.set({ [key]: kept, [KEPT_ORDER_KEY]: keys });
        if (dropped.length > 0) await session.remove(dropped);
      })
      .catch(() => {
        order = undefined;
      });
    return writes;
  };
  return {
    async get(ref, revision) {
      const found = await cache.get(ref, revision);
      // Read from the cache after a restart: the panel finds it in the session area next time.
      if (found) void keep(ref, { ...found, revision });
      return found;
    },
    async put(ref, revision, detail) {
      await cache.put(ref, revision, detail);
      await keep(ref, { detail, savedAt: Date.now(), revision });
    },
  };
}

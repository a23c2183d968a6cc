import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "#imports";
import { catalogOf } from "../i18n/translate";
import { createMessageListener, type MessageHandlers, sendMessage } from "./messaging";

const notConfigured = { ok: false, problem: { kind: "not_configured" } } as const;
const handlers: MessageHandlers = {
  getProxyHealth: () => ({ state: "healthy", version: "1.2.3" }),
  testProxyConnection: async (settings) => ({ state: "unreachable", detail: `tried ${settings.url}` }),
  openOptionsPage: async () => {
    throw new Error("no options page in this browser");
  },
  openOverview: () => {},
  getMessages: () => catalogOf("en"),
  openBookingSettings: () => {},
  pairWithCode: () => notConfigured,
  getExactConnection: () => notConfigured,
  listDivisions: () => notConfigured,
  connectExact: () => notConfigured,
  getAccount: () => notConfigured,
  getCachedAccount: () => null,
  linkAccount: () => notConfigured,
  promoteAndLinkAccount: () => notConfigured,
  addVatAndLinkAccount: () => notConfigured,
  unlinkAccount: () => notConfigured,
  searchCustomers: () => notConfigured,
  listAccounts: () => notConfigured,
  listFailedPushes: () => notConfigured,
  acceptSuggestions: () => notConfigured,
  getAccountInvoices: () => notConfigured,
  getBookingSettings: () => notConfigured,
  saveBookingSettings: () => notConfigured,
  getReferenceData: () => notConfigured,
  getGoLiveReview: () => notConfigured,
  openGoLiveReview: () => {},
  getAttention: () => notConfigured,
  retryPush: () => notConfigured,
  loadDivision: () => notConfigured,
  getSyncState: () => notConfigured,
  refreshBadge: () => notConfigured,
};

/** Routes sendMessage to the listener the way Chrome does: the reply comes through sendResponse. */
function deliverTo(listener: ReturnType<typeof createMessageListener>) {
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(
    (message: unknown) =>
      new Promise((resolve) => {
        if (!listener(message, {}, resolve)) resolve(undefined);
      }),
  );
}

describe("messaging", () => {
  beforeEach(() => fakeBrowser.reset());

  it("answers a message without data", async () => {
    deliverTo(createMessageListener(handlers));
    expect(await sendMessage("getProxyHealth")).toEqual({ state: "healthy", version: "1.2.3" });
  });

  it("passes the data to the handler", async () => {
    deliverTo(createMessageListener(handlers));
    const health = await sendMessage("testProxyConnection", { url: "https://link.example.com", token: "" });
    expect(health).toEqual({ state: "unreachable", detail: "tried https://link.example.com" });
  });

  it("rejects with the handler's error", async () => {
    deliverTo(createMessageListener(handlers));
    await expect(sendMessage("openOptionsPage")).rejects.toThrow("no options page in this browser");
  });

  it("rejects when nothing answers", async () => {
    deliverTo(() => false);
    await expect(sendMessage("getProxyHealth")).rejects.toThrow('Nothing answered "getProxyHealth".');
  });

  it.each([
    ["a message of another channel", { channel: "other", type: "getProxyHealth" }],
    ["a type outside the map", { channel: "zapfloor-exact", type: "toString" }],
    ["a string", "getProxyHealth"],
  ])("leaves %s to other listeners", (_, message) => {
    const sendResponse = vi.fn();
    expect(createMessageListener(handlers)(message, {}, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });
});

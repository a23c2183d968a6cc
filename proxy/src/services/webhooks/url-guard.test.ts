import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { addressKind, checkWebhookUrl, refusedAddress } from "./url-guard";

/** Why the URL is refused (the problem on `body.url`), or "allowed". */
async function verdict(url: string, publicUrl: string): Promise<string> {
  try {
    await checkWebhookUrl(url, publicUrl);
    return "allowed";
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "validation") throw error;
    const { problems } = error.details as { problems: { path: string; message: string }[] };
    return problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ");
  }
}

const SELF = "body.url: must not point at this proxy";

describe("a webhook URL pointing at the proxy itself", () => {
  it("is refused by its public host name, whatever the path or letter case", async () => {
    expect(await verdict("https://link.example/hooks", "https://link.example")).toBe(SELF);
    expect(await verdict("https://LINK.example/v1/events", "https://link.example")).toBe(SELF);
  });

  it("is refused by its public address, while another public https address is allowed", async () => {
    expect(await verdict("https://93.184.215.14/hooks", "https://93.184.215.14")).toBe(SELF);
    expect(await verdict("https://93.184.215.15/hooks", "https://93.184.215.14")).toBe("allowed");
  });

  it("is refused on loopback at the port the proxy listens on, under any loopback name", async () => {
    for (const url of [
      "http://localhost:8787/hooks",
      "http://127.0.0.1:8787/hooks",
      "http://[::1]:8787/hooks",
    ])
      expect([url, await verdict(url, "http://127.0.0.1:8787")]).toEqual([url, SELF]);
    expect(await verdict("http://localhost:9/hooks", "http://127.0.0.1:8787")).toBe("allowed");
    // A proxy whose public URL is on the internet is not reached by a receiver's loopback URL.
    expect(await verdict("http://localhost:443/hooks", "https://link.example")).toBe("allowed");
  });
});

describe("addresses a delivery must not reach", () => {
  it("are private, link-local and other internal ones, also written as IPv4-mapped IPv6; never loopback or public", () => {
    for (const address of [
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "fd00::1",
    ])
      expect([address, addressKind(address), refusedAddress(address)]).toEqual([
        address,
        "internal",
        `${address} is a private address`,
      ]);
    expect(addressKind("::ffff:10.0.0.1")).toBe("internal");
    expect(refusedAddress("127.0.0.1")).toBeUndefined();
    expect(refusedAddress("::1")).toBeUndefined();
    expect(refusedAddress("93.184.215.14")).toBeUndefined();
  });
});

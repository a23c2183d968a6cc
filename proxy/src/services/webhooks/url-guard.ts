import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import type { WebhookUrlRefusal } from "@zapfloor-exact/shared/schemas/problem-codes";
import { validationError } from "../../errors";

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** Addresses a webhook must never reach: private, link-local, carrier-grade NAT, unspecified, multicast, reserved. */
const internal = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  internal.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  internal.addSubnet(network, prefix, "ipv6");

export type AddressKind = "loopback" | "internal" | "public";

export function addressKind(address: string): AddressKind {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  if (loopback.check(ip, family)) return "loopback";
  if (internal.check(ip, family)) return "internal";
  return "public";
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, "");

/** Every address the host name stands for (an IP literal stands for itself). */
export async function addressesOf(hostname: string): Promise<string[]> {
  const host = bare(hostname);
  if (isIP(host)) return [host];
  const found = await lookup(host, { all: true, verbatim: true });
  return found.map((entry) => entry.address);
}

const refuse = (message: string, refusal: WebhookUrlRefusal, host?: string) =>
  validationError([{ path: "body.url", message }], "This webhook URL is refused.", {
    reason: "webhook_url_refused",
    params: { refusal, ...(host === undefined ? {} : { host }) },
  });

/**
 * A webhook URL must reach someone else: https on a public address, or anything on loopback (a receiver on the
 * same machine). Refused: the proxy's own address, and host names that resolve to a private address outside
 * loopback. Delivery checks the address again when it connects (a name can be pointed elsewhere later).
 */
export async function checkWebhookUrl(text: string, publicUrl: string): Promise<void> {
  const url = new URL(text);
  const host = url.hostname;
  if (url.username || url.password) throw refuse("must not carry a user name or password", "credentials");
  if (url.hash) throw refuse("must not have a #fragment", "fragment");
  const own = new URL(publicUrl);
  if (url.host.toLowerCase() === own.host.toLowerCase())
    throw refuse("must not point at this proxy", "this_proxy", host);
  let addresses: string[];
  try {
    addresses = await addressesOf(host);
  } catch {
    throw refuse(`the host ${host} could not be resolved`, "unresolved", host);
  }
  const kinds = new Set(addresses.map(addressKind));
  if (addresses.length === 0) throw refuse(`the host ${host} could not be resolved`, "unresolved", host);
  if (kinds.has("internal"))
    throw refuse(
      `the host ${host} is a private address; only public ones (or loopback) are allowed`,
      "private_address",
      host,
    );
  const onLoopback = kinds.size === 1 && kinds.has("loopback");
  if (kinds.has("loopback") && !onLoopback)
    throw refuse(
      `the host ${host} resolves to loopback and public addresses at once`,
      "mixed_addresses",
      host,
    );
  if (!onLoopback && url.protocol !== "https:")
    throw refuse("must be https (plain http only on loopback)", "not_https", host);
  if (onLoopback && (await pointsAtProxy(url, own)))
    throw refuse("must not point at this proxy", "this_proxy", host);
}

/** A loopback URL on the port the proxy itself listens on (its public URL being on this machine) is the proxy. */
async function pointsAtProxy(url: URL, own: URL): Promise<boolean> {
  const portOf = (u: URL) => u.port || (u.protocol === "https:" ? "443" : "80");
  if (portOf(url) !== portOf(own)) return false;
  try {
    return (await addressesOf(own.hostname)).every((address) => addressKind(address) === "loopback");
  } catch {
    return false;
  }
}

/** For a delivery's connection: the address it is about to reach must still be allowed. */
export function refusedAddress(address: string): string | undefined {
  return addressKind(address) === "internal" ? `${address} is a private address` : undefined;
}

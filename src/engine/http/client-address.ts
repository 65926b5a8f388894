/**
 * The client's address for throttling: the TCP peer as Bun's server saw it
 * (`server.requestIP` through Hono's getConnInfo). X-Forwarded-For is believed
 * only when the operator says how many proxies of theirs stand in front, and
 * then only the entry the outermost trusted proxy wrote, never one the client sent.
 */
import type { Context } from "hono";
import { getConnInfo } from "hono/bun";

export interface ClientAddressOptions {
  /** Reverse proxies in front of this service that append to X-Forwarded-For; 0 trusts none. */
  trustedProxies?: number;
}

/** Requests that did not come through Bun's server (in-process `app.request`) have no address. */
export const UNKNOWN_ADDRESS = "unknown";

export function clientAddress(c: Context, opts: ClientAddressOptions = {}): string {
  const hops = opts.trustedProxies ?? 0;
  if (hops > 0) {
    const forwarded = (c.req.header("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const entry = forwarded[forwarded.length - hops];
    if (entry) return entry;
  }
  try {
    return getConnInfo(c).remote.address ?? UNKNOWN_ADDRESS;
  } catch {
    return UNKNOWN_ADDRESS;
  }
}

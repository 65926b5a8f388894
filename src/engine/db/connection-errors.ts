/**
 * Which errors mean "the database cannot be reached right now" rather than "this
 * request is wrong": SQLSTATE classes 08 and 53, the 57P0x shutdown states, and
 * postgres.js's and the socket's own connection errors. The API answers them 503.
 */

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 1;

/** SQLSTATE classes: 08 connection exception, 53 insufficient resources (e.g. too many connections). */
const CONNECTION_CLASSES = new Set(["08", "53"]);
/** 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or in recovery). */
const CONNECTION_STATES = new Set(["57P01", "57P02", "57P03"]);
/** postgres.js connection errors, and the socket errors it passes through. */
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECTION_ENDED", "CONNECT_TIMEOUT",
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

function isConnectionCode(code: string): boolean {
  return DRIVER_CODES.has(code) || CONNECTION_STATES.has(code)
    || (/^[0-9A-Z]{5}$/.test(code) && CONNECTION_CLASSES.has(code.slice(0, 2)));
}

/** True when `err`, or an error it wraps (drizzle keeps the driver's as `cause`), is a lost or refused connection. */
export function isConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; typeof e === "object" && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && isConnectionCode(code)) return true;
  }
  return false;
}

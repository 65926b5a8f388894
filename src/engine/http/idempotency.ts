/**
 * Idempotency-Key support inside the request's transaction: the key row is
 * inserted first, so a concurrent retry waits on it and then replays the stored
 * response; a rolled-back attempt leaves no key behind and may be retried.
 * Keys are scoped to the principal (token subject), as each client picks its own.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { ApiError } from "./errors";
import { IdempotencyKey } from "./idempotency.schema";
import type { DrizzleTx } from "../db/session";

export interface StoredResponse { status: number; body: unknown; replayed: boolean }

/** Whose key it is (the token's subject), the key, and the endpoint it was sent to. */
export interface IdempotencyScope { principal: string; key: string | undefined; endpoint: string }

const KEY_PATTERN = /^[\w.:-]{1,200}$/;

export function validIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError("BAD_REQUEST", "Idempotency-Key must be 1–200 characters of letters, digits, '_', '.', ':' or '-'",
      { header: "Idempotency-Key" });
  }
  return key;
}

/**
 * Runs `produce` once per principal and key: the first call stores its response;
 * later calls by the same principal with the same key and body get that response
 * back; a different body is 422 (as the IETF Idempotency-Key draft says), another endpoint 409.
 */
export async function oncePerKey(tx: DrizzleTx, scope: IdempotencyScope, requestBody: unknown,
  produce: () => Promise<{ status: number; body: unknown }>): Promise<StoredResponse> {
  const { principal, key, endpoint } = scope;
  if (!key) return { ...(await produce()), replayed: false };
  const hash = new Bun.CryptoHasher("sha256").update(JSON.stringify(requestBody)).digest("hex");
  const claimed = await tx.insert(IdempotencyKey)
    .values({ Principal: principal, Key: key, Endpoint: endpoint, RequestHash: hash, Status: 0, Body: sql`'null'::jsonb` })
    .onConflictDoNothing().returning({ key: IdempotencyKey.Key });
  const mine = and(eq(IdempotencyKey.Principal, principal), eq(IdempotencyKey.Key, key));
  if (claimed.length === 0) return replay(tx, mine!, key, endpoint, hash);
  const response = await produce();
  await tx.update(IdempotencyKey).set({ Status: response.status, Body: response.body as object }).where(mine);
  return { ...response, replayed: false };
}

async function replay(tx: DrizzleTx, mine: SQL, key: string, endpoint: string, hash: string): Promise<StoredResponse> {
  const [stored] = await tx.select().from(IdempotencyKey).where(mine);
  if (!stored || stored.Endpoint !== endpoint) {
    throw new ApiError("CONFLICT", `Idempotency-Key ${key} was used for another endpoint`, { header: "Idempotency-Key" });
  }
  if (stored.RequestHash !== hash) {
    throw new ApiError("VALIDATION_FAILED", `Idempotency-Key ${key} was used with a different request body`,
      { header: "Idempotency-Key" });
  }
  return { status: stored.Status, body: stored.Body, replayed: true };
}

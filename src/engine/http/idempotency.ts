/**
 * Idempotency-Key support inside the request's transaction: the key row is
 * inserted first, so a concurrent retry waits on it and then replays the stored
 * response; a rolled-back attempt leaves no key behind and may be retried.
 */
import { and, eq, sql } from "drizzle-orm";
import { ApiError } from "./errors";
import { IdempotencyKey } from "./idempotency.schema";
import type { DrizzleTx } from "../db/session";

export interface StoredResponse { status: number; body: unknown; replayed: boolean }

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
 * Runs `produce` once per key: the first call stores its response; later calls
 * with the same key and body get that response back; a different body is 422.
 */
export async function oncePerKey(tx: DrizzleTx, key: string | undefined, endpoint: string, requestBody: unknown,
  produce: () => Promise<{ status: number; body: unknown }>): Promise<StoredResponse> {
  if (!key) return { ...(await produce()), replayed: false };
  const hash = new Bun.CryptoHasher("sha256").update(JSON.stringify(requestBody)).digest("hex");
  const claimed = await tx.insert(IdempotencyKey)
    .values({ Key: key, Endpoint: endpoint, RequestHash: hash, Status: 0, Body: sql`'null'::jsonb` })
    .onConflictDoNothing().returning({ key: IdempotencyKey.Key });
  if (claimed.length === 0) return replay(tx, key, endpoint, hash);
  const response = await produce();
  await tx.update(IdempotencyKey).set({ Status: response.status, Body: response.body as object })
    .where(eq(IdempotencyKey.Key, key));
  return { ...response, replayed: false };
}

async function replay(tx: DrizzleTx, key: string, endpoint: string, hash: string): Promise<StoredResponse> {
  const [stored] = await tx.select().from(IdempotencyKey)
    .where(and(eq(IdempotencyKey.Key, key), eq(IdempotencyKey.Endpoint, endpoint)));
  if (!stored) throw new ApiError("CONFLICT", `Idempotency-Key ${key} was used for another endpoint`, { header: "Idempotency-Key" });
  if (stored.RequestHash !== hash) {
    throw new ApiError("VALIDATION_FAILED", `Idempotency-Key ${key} was used with a different request body`,
      { header: "Idempotency-Key" });
  }
  return { status: stored.Status, body: stored.Body, replayed: true };
}

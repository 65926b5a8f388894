/**
 * The B2B order handler: map the partner's document to rows in one transaction
 * (the rules price, total and credit-check it), then answer with the order as
 * the database computed it. Retries with the same Idempotency-Key replay.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import type { Database } from "../../engine/db/database";
import { inSessionTransaction } from "../../engine/db/session-transaction";
import { oncePerKey, validIdempotencyKey } from "../../engine/http/idempotency";
import { documentSelect, insertDocument } from "../../engine/mapping";
import type { AuthVariables } from "../../engine/security/bearer-auth";
import { orderB2BMapping, orderShippingMapping } from "../mappers";
import type { orderB2BRoute } from "./order-b2b.routes";

type OrderDocument = Record<string, unknown>;
type Wrapped = { meta: { args: { order: OrderDocument } } };
/** The sample wraps the order as meta.args.order; partners may also send it bare. */
const unwrap = (body: OrderDocument): OrderDocument =>
  ("meta" in body ? (body as Wrapped).meta.args.order : body);

export function orderB2BHandler(database: Database): RouteHandler<typeof orderB2BRoute, { Variables: AuthVariables }> {
  return async (c) => {
    const body = c.req.valid("json");
    const key = validIdempotencyKey(c.req.valid("header")["idempotency-key"]);
    const result = await inSessionTransaction(database, c.get("dbSession"), (tx) =>
      oncePerKey(tx, { principal: c.get("principal").sub, key, endpoint: "OrderB2B" }, body, async () => {
        const written = await insertDocument(tx, orderB2BMapping, unwrap(body as OrderDocument));
        const [row] = await tx.execute<{ document: unknown }>(documentSelect(orderShippingMapping, written.row.Id));
        return { status: 201, body: { order: row?.document } };
      }));
    if (result.replayed) c.header("Idempotent-Replayed", "true");
    return c.json(result.body as never, 201);
  };
}

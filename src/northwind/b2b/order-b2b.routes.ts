/**
 * The OpenAPI contract of POST /api/ServicesEndPoint/OrderB2B: the partner's
 * order document (wrapped as in the sample, or bare), and every response.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, SERVER_ERRORS } from "../../engine/http/error-schema";
import { documentSchema } from "../../engine/mapping";
import { columnBounds } from "../../engine/rules";
import { orderB2BMapping } from "../mappers";
import { northwindRules } from "../rules";

// The rule spec's bounds (QuantityOrdered ≥ 1) are checked up front, with a pointer to the item.
export const OrderB2BSchema = documentSchema(orderB2BMapping, { bounds: columnBounds(northwindRules) }).openapi("OrderB2B", {
  example: {
    AccountId: "ALFKI", Surname: "Buchanan", Given: "Steven",
    Items: [{ ProductName: "Chai", QuantityOrdered: 1 }, { ProductName: "Chang", QuantityOrdered: 2 }],
  },
});

export const OrderB2BRequestSchema = z.union([
  z.object({ meta: z.object({ args: z.object({ order: OrderB2BSchema }).strict() }).strict() }).strict(),
  OrderB2BSchema,
]).openapi("OrderB2BRequest");

const OrderB2BResultSchema = z.object({
  Id: z.number().int(), Total: z.number(), "Order Date": z.string().nullable(), CustomerId: z.string(),
  Items: z.array(z.object({
    OrderId: z.number().int(), ProductName: z.string(), UnitsInStock: z.number().int(),
    Quantity: z.number().int(), Amount: z.number(), UnitPrice: z.number(),
  })),
}).openapi("OrderB2BResult");

export const orderB2BRoute = createRoute({
  method: "post",
  path: "/api/ServicesEndPoint/OrderB2B",
  tags: ["B2B"],
  summary: "Place a partner order",
  description: "Looks up the customer (AccountId), the employee (Surname + Given) and each product (ProductName), "
    + "then inserts the order, Ready, with its items in one transaction; the rules price it, total it and check "
    + "the customer's credit. Send `Idempotency-Key` to make retries safe.",
  request: {
    headers: z.object({ "idempotency-key": z.string().optional().openapi({ description: "Retries with the same key return the first result" }) }),
    body: {
      required: true,
      content: { "application/json": { schema: OrderB2BRequestSchema, example: {
        meta: { args: { order: { AccountId: "ALFKI", Surname: "Buchanan", Given: "Steven",
          Items: [{ ProductName: "Chai", QuantityOrdered: 1 }, { ProductName: "Chang", QuantityOrdered: 2 }] } } },
      } } },
    },
  },
  responses: {
    201: { description: "Order placed", content: { "application/json": { schema: z.object({ order: OrderB2BResultSchema }) } } },
    ...SERVER_ERRORS,
    400: errorResponse("Malformed JSON or a document that does not match the schema"),
    403: errorResponse("The caller's role may not place orders"),
    413: errorResponse("Body too large"),
    415: errorResponse("Body is not JSON"),
    422: errorResponse("Unknown customer, employee or product, or a business rule (e.g. credit limit) failed"),
  },
});

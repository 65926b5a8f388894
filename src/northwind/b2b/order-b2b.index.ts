/** Binds the B2B order route to its handler on a service app. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Database } from "../../engine/db/database";
import { requireJsonBody } from "../../engine/http/require-json";
import { requireRole } from "../../engine/security/require-role";
import { northwindGrants } from "../grants";
import { orderB2BHandler } from "./order-b2b.handlers";
import { orderB2BRoute } from "./order-b2b.routes";

/** Partners place orders; staff may too. Customers use the JSON:API. */
const B2B_ROLES = ["partner", "admin", "sales"];

export function registerOrderB2B(app: OpenAPIHono<any>, database: Database): void {
  app.use(orderB2BRoute.path, requireRole(northwindGrants, B2B_ROLES), requireJsonBody);
  app.openapi(orderB2BRoute, orderB2BHandler(database));
}

/** Writes must declare a JSON body (application/json or application/vnd.api+json); anything else is 415. */
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./errors";

const JSON_TYPES = /^application\/(vnd\.api\+)?json\s*(;.*)?$/i;

export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header("content-type") ?? "";
  if (!JSON_TYPES.test(type)) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", `content type must be application/json or application/vnd.api+json, not "${type || "none"}"`,
      { header: "Content-Type" });
  }
  await next();
};

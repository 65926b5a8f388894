/** Writes must declare a JSON body (application/json or application/vnd.api+json); anything else is 415. */
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./errors";

const JSON_TYPES = /^application\/(vnd\.api\+)?json\s*(;.*)?$/i;

/** Throws the 415 for a Content-Type header that is not JSON. */
export function assertJsonContentType(type: string | undefined): void {
  if (!JSON_TYPES.test(type ?? "")) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", `content type must be application/json or application/vnd.api+json, not "${type || "none"}"`,
      { header: "Content-Type" });
  }
}

export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  assertJsonContentType(c.req.header("content-type"));
  await next();
};

/** Which errors count as a lost database (answered 503 with Retry-After), and the error handler's answer to them. */
import { describe, expect, test } from "bun:test";
import { OpenAPIHono } from "@hono/zod-openapi";
import { DATABASE_RETRY_AFTER_SECONDS, isConnectionError } from "../../src/engine/db/connection-errors";
import { onError } from "../../src/engine/http/error-handler";
import type { AppEnv } from "../../src/engine/http/app-env";

const pgError = (code: string) => Object.assign(new Error("x"), { name: "PostgresError", code });
const driverError = (code: string) => Object.assign(new Error(`write ${code} 127.0.0.1:5432`), { code, errno: code });

describe("isConnectionError", () => {
  test("SQLSTATE classes 08 and 53, the 57P0x shutdown states, and the driver's connection codes", () => {
    for (const code of ["08000", "08006", "08P01", "53300", "53000", "57P01", "57P02", "57P03"]) {
      expect(isConnectionError(pgError(code))).toBe(true);
    }
    for (const code of ["CONNECTION_CLOSED", "CONNECT_TIMEOUT", "CONNECTION_DESTROYED", "ECONNREFUSED", "ECONNRESET"]) {
      expect(isConnectionError(driverError(code))).toBe(true);
    }
  });

  test("request and data errors are not", () => {
    for (const code of ["23505", "23514", "22P02", "42501", "40001", "57014", "P0001"]) {
      expect(isConnectionError(pgError(code))).toBe(false);
    }
    expect(isConnectionError(new Error("boom"))).toBe(false);
    expect(isConnectionError(undefined)).toBe(false);
  });

  test("found through drizzle's wrapping (the driver's error as cause)", () => {
    expect(isConnectionError(new Error("Failed query: select 1", { cause: driverError("ECONNREFUSED") }))).toBe(true);
    expect(isConnectionError(new Error("Failed query", { cause: pgError("23505") }))).toBe(false);
  });
});

describe("error handler", () => {
  test("a lost connection is 503 UNAVAILABLE with Retry-After, no internals in the body", async () => {
    const app = new OpenAPIHono<AppEnv>();
    app.onError(onError);
    app.get("/x", () => { throw new Error("Failed query: insert into customer", { cause: driverError("CONNECTION_CLOSED") }); });
    const res = await app.request("/x");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ errors: [{ status: "503", code: "UNAVAILABLE" }] });
    expect(text).not.toContain("customer");
    expect(text).not.toContain("127.0.0.1");
  });
});

/** Which consumer failures dead-letter a message and which retry it. */
import { describe, expect, test } from "bun:test";
import { z } from "zod";
import { classifyFailure, describeFailure, PoisonMessage } from "../../src/engine/inbox/failure-kind";
import { ApiError } from "../../src/engine/http/errors";

const pgError = (code: string, message = "x") => Object.assign(new Error(message), { name: "PostgresError", code });

describe("classifyFailure", () => {
  test("bad documents and data errors are poison", () => {
    expect(classifyFailure(new PoisonMessage("malformed JSON"))).toBe("poison");
    expect(classifyFailure(z.object({ a: z.number() }).safeParse({}).error)).toBe("poison");
    expect(classifyFailure(new ApiError("LOOKUP_FAILED", "no Product"))).toBe("poison");
    expect(classifyFailure(pgError("23514", "balance exceeds credit"))).toBe("poison");
    expect(classifyFailure(pgError("22P02"))).toBe("poison");
  });

  test("server trouble is transient, also when wrapped by drizzle", () => {
    expect(classifyFailure(pgError("57P01"))).toBe("transient"); // admin shutdown
    expect(classifyFailure(pgError("40001"))).toBe("transient"); // serialization failure
    expect(classifyFailure(pgError("53300"))).toBe("transient"); // too many connections
    expect(classifyFailure(Object.assign(new Error("ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe("transient");
    const wrapped = new Error("Failed query", { cause: pgError("23505", "duplicate key") });
    expect(classifyFailure(wrapped)).toBe("poison");
    expect(describeFailure(wrapped)).toBe("duplicate key");
    expect(classifyFailure(new Error("Failed query", { cause: pgError("08006") }))).toBe("transient");
  });
});

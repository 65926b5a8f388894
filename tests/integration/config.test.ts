/** Start-up refuses bad configuration with one clear line naming the variable. */
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { loadConfig } from "../../src/config";

const SERVER = join(import.meta.dir, "../../src/server.ts");

describe("config", () => {
  test("defaults: port 5656, log level info", () => {
    expect(loadConfig({})).toMatchObject({ PORT: 5656, LOG_LEVEL: "info" });
  });

  test("each bad value is named", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ KAFKA_BROKERS: "localhost" })).toThrow(/KAFKA_BROKERS/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });

  test("the server process exits 1 with a one-line message", async () => {
    const proc = Bun.spawn(["bun", SERVER], { env: { ...process.env, PORT: "99999" }, stderr: "pipe", stdout: "pipe" });
    const code = await proc.exited;
    const stderr = (await new Response(proc.stderr).text()).trim();
    expect(code).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toStartWith("invalid configuration: PORT:");
  });
});

/**
 * Publishing and using a JWKS: a signer that has only its private key derives
 * the public one and publishes it (no private parts) with a kid; a verifier on
 * that JWKS URL accepts its tokens and refuses other keys; an unreachable JWKS
 * is KEYS_UNAVAILABLE (the edge answers 503), not a bad token.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { generateDevSigningKey } from "../../src/engine/security/dev-signing-key";
import { createTokenService, TokenError, type TokenOptions } from "../../src/engine/security/tokens";
import { freePort } from "../../src/engine/net/free-port";

const base: Omit<TokenOptions, "algorithm"> = { issuer: "northwind", audience: "northwind-api", ttlSeconds: 60, clockToleranceSeconds: 0 };
const servers: { stop(force?: boolean): unknown }[] = [];
afterAll(() => { for (const s of servers) s.stop(true); });

const kindOf = (p: Promise<unknown>) => p.then(() => "accepted", (e: unknown) => (e instanceof TokenError ? e.kind : String(e)));

describe("JWKS", () => {
  test("an ES256 signer publishes its public key with a kid; a verifier on the JWKS URL accepts its tokens only", async () => {
    const key = await generateDevSigningKey();
    const signer = await createTokenService({ ...base, algorithm: "ES256", privateKeyPem: key.privateKeyPem });
    const { keys } = signer.jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(keys[0]!.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys[0]).not.toHaveProperty("d");
    const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => Response.json(signer.jwks()) });
    servers.push(server);
    const verifier = await createTokenService({ ...base, algorithm: "ES256", jwksUrl: `http://127.0.0.1:${server.port}/` });
    const { token } = await signer.sign({ sub: "s1", roles: ["sales"] });
    expect(await verifier.verify(token)).toMatchObject({ sub: "s1", roles: ["sales"] });
    expect(await signer.verify(token)).toMatchObject({ sub: "s1" });
    const other = await createTokenService({ ...base, algorithm: "ES256", privateKeyPem: (await generateDevSigningKey()).privateKeyPem });
    expect(await kindOf(verifier.verify((await other.sign({ sub: "x", roles: ["sa"] })).token))).toBe("TOKEN_INVALID");
  });

  test("a shared-secret (HS256) service publishes no key", async () => {
    const hs = await createTokenService({ ...base, algorithm: "HS256", secret: "y".repeat(32) });
    expect(hs.jwks()).toEqual({ keys: [] });
  });

  test("a JWKS that cannot be fetched is KEYS_UNAVAILABLE; one answering 500 too", async () => {
    const key = await generateDevSigningKey();
    const signer = await createTokenService({ ...base, algorithm: "ES256", privateKeyPem: key.privateKeyPem });
    const { token } = await signer.sign({ sub: "s1", roles: ["sales"] });
    const down = await createTokenService({ ...base, algorithm: "ES256", jwksUrl: `http://127.0.0.1:${await freePort()}/` });
    expect(await kindOf(down.verify(token))).toBe("KEYS_UNAVAILABLE");
    const failing = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("no", { status: 500 }) });
    servers.push(failing);
    const broken = await createTokenService({ ...base, algorithm: "ES256", jwksUrl: `http://127.0.0.1:${failing.port}/` });
    expect(await kindOf(broken.verify(token))).toBe("KEYS_UNAVAILABLE");
    // A malformed token is still a bad token, whatever the key set's state.
    expect(await kindOf(down.verify("a.b.c"))).toBe("TOKEN_INVALID");
  });
});

/** Token service: HS256 round trip and refusals, RS256 with a PEM key pair, verify-only services. */
import { describe, expect, test } from "bun:test";
import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";
import { createTokenService, TokenError, type TokenOptions } from "../../src/engine/security/tokens";

const base: Omit<TokenOptions, "algorithm"> = { issuer: "northwind", audience: "northwind-api", ttlSeconds: 60, clockToleranceSeconds: 0 };

describe("tokens", () => {
  test("HS256 signs and verifies; a short secret is refused at start-up", async () => {
    const tokens = await createTokenService({ ...base, algorithm: "HS256", secret: "x".repeat(32) });
    const { token } = await tokens.sign({ sub: "s1", roles: ["sales"] });
    expect(await tokens.verify(token)).toMatchObject({ sub: "s1", roles: ["sales"], iss: "northwind", aud: "northwind-api" });
    await expect(createTokenService({ ...base, algorithm: "HS256", secret: "short" })).rejects.toThrow(/at least 32/);
  });

  test("RS256 with a PEM key pair; a verify-only service cannot sign; another issuer is refused", async () => {
    const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
    const privateKeyPem = await exportPKCS8(privateKey);
    const publicKeyPem = await exportSPKI(publicKey);
    const signer = await createTokenService({ ...base, algorithm: "RS256", privateKeyPem, publicKeyPem });
    const verifier = await createTokenService({ ...base, algorithm: "RS256", publicKeyPem });
    const { token } = await signer.sign({ sub: "ALFKI", roles: ["customer"], customer_id: "ALFKI" });
    expect(await verifier.verify(token)).toMatchObject({ sub: "ALFKI", customer_id: "ALFKI" });
    await expect(verifier.sign({ sub: "x", roles: [] })).rejects.toThrow();
    const other = await createTokenService({ ...base, issuer: "elsewhere", algorithm: "RS256", privateKeyPem, publicKeyPem });
    const foreign = (await other.sign({ sub: "x", roles: ["sa"] })).token;
    const err = await verifier.verify(foreign).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenError);
    expect((err as TokenError).kind).toBe("TOKEN_INVALID");
  });

  test("an HS256 token is refused by an RS256 service (no algorithm confusion)", async () => {
    const { publicKey } = await generateKeyPair("RS256", { extractable: true });
    const publicKeyPem = await exportSPKI(publicKey);
    const hs = await createTokenService({ ...base, algorithm: "HS256", secret: publicKeyPem.padEnd(32, "x") });
    const rs = await createTokenService({ ...base, algorithm: "RS256", publicKeyPem });
    const { token } = await hs.sign({ sub: "x", roles: ["sa"] });
    expect(((await rs.verify(token).catch((e: unknown) => e)) as TokenError).kind).toBe("TOKEN_INVALID");
  });
});

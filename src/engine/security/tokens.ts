/**
 * Access tokens with jose: HS256 from a shared secret by default, or RS256/ES256
 * with a PEM key pair (the public key may be derived from the private one, and
 * is published as a JWKS), or verification against a JWKS URL. Low-level jose
 * failures become one TokenError kind each; the HTTP edge turns them into 401
 * (503 when the JWKS cannot be fetched).
 */
import { createPublicKey } from "node:crypto";
import {
  calculateJwkThumbprint, createRemoteJWKSet, errors, exportJWK, importPKCS8, importSPKI, jwtVerify, SignJWT,
  type JWK, type JWTPayload,
} from "jose";

export type TokenAlgorithm = "HS256" | "RS256" | "ES256";

export interface TokenOptions {
  algorithm: TokenAlgorithm;
  secret?: string;
  privateKeyPem?: string;
  publicKeyPem?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
  clockToleranceSeconds: number;
}

export interface AccessClaims extends JWTPayload {
  sub: string;
  roles: string[];
  [claim: string]: unknown;
}

/** KEYS_UNAVAILABLE: the verifier's JWKS could not be fetched, so the token could not be checked at all. */
export type TokenErrorKind = "TOKEN_EXPIRED" | "TOKEN_NOT_YET_VALID" | "TOKEN_INVALID" | "KEYS_UNAVAILABLE";

export class TokenError extends Error {
  override readonly name = "TokenError";
  constructor(readonly kind: TokenErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface TokenService {
  sign(claims: AccessClaims): Promise<{ token: string; expiresIn: number }>;
  verify(token: string): Promise<AccessClaims>;
  /** The public keys that verify this service's tokens (GET /.well-known/jwks.json); none for HS256. */
  jwks(): { keys: JWK[] };
}

export async function createTokenService(opts: TokenOptions): Promise<TokenService> {
  const { signKey, verifyKey, publicJwk } = await keys(opts);
  const jwks = { keys: publicJwk ? [publicJwk] : [] };
  return {
    jwks: () => jwks,
    async sign(claims) {
      if (!signKey) throw new Error("this token service only verifies (JWKS): it cannot sign");
      const token = await new SignJWT({ ...claims })
        .setProtectedHeader({ alg: opts.algorithm, typ: "JWT", ...(publicJwk ? { kid: publicJwk.kid } : {}) })
        .setSubject(claims.sub).setIssuer(opts.issuer).setAudience(opts.audience)
        .setIssuedAt().setNotBefore("0s").setExpirationTime(`${opts.ttlSeconds}s`)
        .sign(signKey);
      return { token, expiresIn: opts.ttlSeconds };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, verifyKey as Parameters<typeof jwtVerify>[1], {
          algorithms: [opts.algorithm], issuer: opts.issuer, audience: opts.audience,
          clockTolerance: opts.clockToleranceSeconds, requiredClaims: ["sub", "exp"],
        });
        if (!Array.isArray(payload.roles)) throw new TokenError("TOKEN_INVALID", "token has no roles claim");
        return payload as AccessClaims;
      } catch (err) {
        throw toTokenError(err, opts.jwksUrl !== undefined && opts.algorithm !== "HS256");
      }
    },
  };
}

interface Keys { signKey?: CryptoKey | Uint8Array; verifyKey: unknown; publicJwk?: JWK }

async function keys(opts: TokenOptions): Promise<Keys> {
  if (opts.algorithm === "HS256") {
    if (!opts.secret || opts.secret.length < 32) throw new Error("HS256 needs a secret of at least 32 characters");
    const key = new TextEncoder().encode(opts.secret);
    return { signKey: key, verifyKey: key };
  }
  const signKey = opts.privateKeyPem ? await importPKCS8(opts.privateKeyPem, opts.algorithm) : undefined;
  if (opts.jwksUrl) return { signKey, verifyKey: createRemoteJWKSet(new URL(opts.jwksUrl)) };
  // A signer needs no separate public key: it is derived from the private one.
  const publicPem = opts.publicKeyPem
    ?? (opts.privateKeyPem ? createPublicKey(opts.privateKeyPem).export({ type: "spki", format: "pem" }).toString() : undefined);
  if (!publicPem) throw new Error(`${opts.algorithm} needs a public key, a private key or a JWKS URL to verify tokens`);
  const verifyKey = await importSPKI(publicPem, opts.algorithm, { extractable: true });
  const jwk = await exportJWK(verifyKey);
  return { signKey, verifyKey, publicJwk: { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: opts.algorithm, use: "sig" } };
}

/** A remote key set that timed out, answered non-200 or non-JSON (jose's generic error), or was unreachable. */
function keysUnreachable(err: unknown): boolean {
  return err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || !(err instanceof errors.JOSEError)
    || err.code === "ERR_JOSE_GENERIC";
}

function toTokenError(err: unknown, remote: boolean): TokenError {
  if (err instanceof TokenError) return err;
  if (remote && keysUnreachable(err)) {
    return new TokenError("KEYS_UNAVAILABLE", "the token issuer's keys could not be fetched", { cause: err });
  }
  if (err instanceof errors.JWTExpired) return new TokenError("TOKEN_EXPIRED", "token expired", { cause: err });
  if (err instanceof errors.JWTClaimValidationFailed && err.claim === "nbf") {
    return new TokenError("TOKEN_NOT_YET_VALID", "token not yet valid", { cause: err });
  }
  return new TokenError("TOKEN_INVALID", "token invalid", { cause: err });
}

/**
 * Access tokens with jose: HS256 from a shared secret by default, or RS256/ES256
 * with a PEM key pair, or verification against a JWKS URL. Low-level jose
 * failures become one TokenError kind each; the HTTP edge turns them into 401.
 */
import { createRemoteJWKSet, errors, importPKCS8, importSPKI, jwtVerify, SignJWT, type JWTPayload } from "jose";

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

export type TokenErrorKind = "TOKEN_EXPIRED" | "TOKEN_NOT_YET_VALID" | "TOKEN_INVALID";

export class TokenError extends Error {
  override readonly name = "TokenError";
  constructor(readonly kind: TokenErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface TokenService {
  sign(claims: AccessClaims): Promise<{ token: string; expiresIn: number }>;
  verify(token: string): Promise<AccessClaims>;
}

export async function createTokenService(opts: TokenOptions): Promise<TokenService> {
  const { signKey, verifyKey } = await keys(opts);
  return {
    async sign(claims) {
      if (!signKey) throw new Error("this token service only verifies (JWKS): it cannot sign");
      const token = await new SignJWT({ ...claims })
        .setProtectedHeader({ alg: opts.algorithm, typ: "JWT" })
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
        throw toTokenError(err);
      }
    },
  };
}

async function keys(opts: TokenOptions) {
  if (opts.algorithm === "HS256") {
    if (!opts.secret || opts.secret.length < 32) throw new Error("HS256 needs a secret of at least 32 characters");
    const key = new TextEncoder().encode(opts.secret);
    return { signKey: key, verifyKey: key };
  }
  const signKey = opts.privateKeyPem ? await importPKCS8(opts.privateKeyPem, opts.algorithm) : undefined;
  if (opts.jwksUrl) return { signKey, verifyKey: createRemoteJWKSet(new URL(opts.jwksUrl)) };
  if (!opts.publicKeyPem) throw new Error(`${opts.algorithm} needs a public key or a JWKS URL to verify tokens`);
  return { signKey, verifyKey: await importSPKI(opts.publicKeyPem, opts.algorithm) };
}

function toTokenError(err: unknown): TokenError {
  if (err instanceof TokenError) return err;
  if (err instanceof errors.JWTExpired) return new TokenError("TOKEN_EXPIRED", "token expired", { cause: err });
  if (err instanceof errors.JWTClaimValidationFailed && err.claim === "nbf") {
    return new TokenError("TOKEN_NOT_YET_VALID", "token not yet valid", { cause: err });
  }
  return new TokenError("TOKEN_INVALID", "token invalid", { cause: err });
}

/**
 * Shipping's token verifier: Northwind's tokens, checked with Northwind's keys
 * (a JWKS URL or public key for RS256/ES256, the shared secret for HS256).
 * Shipping never signs; the config schema already required a verifier setting.
 */
import { createTokenService, type TokenService } from "../src/engine/security/tokens";
import type { ShippingConfig } from "./config";

export function shippingTokenVerifier(config: ShippingConfig): Promise<TokenService> {
  return createTokenService({
    algorithm: config.JWT_ALGORITHM, secret: config.JWT_SECRET, publicKeyPem: config.JWT_PUBLIC_KEY,
    jwksUrl: config.JWT_JWKS_URL, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE,
    ttlSeconds: config.JWT_TTL_SECONDS, clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
  });
}

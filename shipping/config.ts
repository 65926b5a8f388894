/**
 * Shipping configuration, parsed once from the environment (port 5657 by default).
 * Shipping verifies Northwind's tokens, so a verifier is required: JWT_SECRET for
 * HS256, or JWT_JWKS_URL / JWT_PUBLIC_KEY with JWT_ALGORITHM RS256 or ES256.
 */
import { z } from "zod";
import { configSchema } from "../src/config";
import { parseEnv } from "../src/engine/config/parse-env";

export const shippingConfigSchema = configSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(5657),
  SHIPPING_GROUP_ID: z.string().min(1).default("shipping"),
  /** Northwind, the token issuer: Shipping's login route forwards to its /api/auth/login. */
  NORTHWIND_URL: z.url().default("http://127.0.0.1:5656"),
  /**
   * "issuer": each token is confirmed with Northwind (its /api/auth/me, cached for
   * TOKEN_VERSION_CACHE_SECONDS), so a deleted, disabled or changed user is refused
   * here within seconds too; "off": a token holds until it expires (JWT_TTL_SECONDS).
   */
  TOKEN_REVOCATION: z.enum(["issuer", "off"]).default("issuer"),
}).superRefine((c, ctx) => {
  if (c.JWT_ALGORITHM === "HS256" && !c.JWT_SECRET) {
    ctx.addIssue({ code: "custom", path: ["JWT_SECRET"],
      message: "required to verify Northwind's HS256 tokens (or set JWT_ALGORITHM=ES256/RS256 with JWT_JWKS_URL or JWT_PUBLIC_KEY)" });
  }
  if (c.JWT_ALGORITHM !== "HS256" && !c.JWT_JWKS_URL && !c.JWT_PUBLIC_KEY) {
    ctx.addIssue({ code: "custom", path: ["JWT_JWKS_URL"], message: `required for ${c.JWT_ALGORITHM} (or JWT_PUBLIC_KEY)` });
  }
});

export type ShippingConfig = z.infer<typeof shippingConfigSchema>;

export function loadShippingConfig(env: Record<string, string | undefined> = process.env): ShippingConfig {
  return parseEnv(shippingConfigSchema, env);
}

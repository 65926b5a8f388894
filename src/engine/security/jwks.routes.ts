/**
 * GET /.well-known/jwks.json: the public keys that verify this service's access
 * tokens, so another service (Shipping) can check them without sharing a secret.
 * Empty when tokens are signed with a shared secret (HS256): that key is never published.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { TokenService } from "./tokens";

export const JWKS_PATH = "/.well-known/jwks.json";

const JwkSchema = z.object({
  kty: z.string(), kid: z.string().optional(), alg: z.string().optional(), use: z.string().optional(),
}).catchall(z.unknown()).openapi("Jwk");

const JwksSchema = z.object({ keys: z.array(JwkSchema) }).openapi("Jwks");

export const jwksRoute = createRoute({
  method: "get",
  path: JWKS_PATH,
  tags: ["Authentication"],
  summary: "Public keys that verify this service's access tokens (none for HS256)",
  security: [],
  responses: { 200: { description: "A JSON Web Key Set", content: { "application/json": { schema: JwksSchema } } } },
});

export function registerJwks(app: OpenAPIHono<any>, tokens: TokenService): void {
  const body = tokens.jwks();
  app.openapi(jwksRoute, (c) => {
    c.header("cache-control", "public, max-age=300");
    return c.json(body as z.infer<typeof JwksSchema>, 200);
  });
}

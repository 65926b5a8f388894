/**
 * POST /api/auth/login: username and password → a signed access token carrying
 * the user's token version. Failures never say whether the user exists or is
 * disabled, take the same time either way, and are throttled (login-limiter.ts:
 * 429 with Retry-After) by the client address the server saw (client-address.ts).
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { errorResponse } from "../http/error-schema";
import { clientAddress } from "../http/client-address";
import { ApiError } from "../http/errors";
import type { LoginLimiter } from "./login-limiter";
import { TOKEN_VERSION_CLAIM } from "./token-version";
import type { TokenService } from "./tokens";

export interface UserRecord {
  id: string;
  passwordHash: string;
  roles: string[];
  /** Extra token claims, e.g. { customer_id: "ALFKI" }. */
  claims: Record<string, unknown>;
  /** A disabled user is refused like a wrong password. */
  disabled?: boolean;
  /** Carried in the token, so bearer auth can refuse it once the user changes (token-version.ts). */
  tokenVersion?: number;
}

export interface AuthDeps {
  tokens: TokenService;
  limiter: LoginLimiter;
  findUser(username: string): Promise<UserRecord | undefined>;
  /** Reverse proxies in front whose X-Forwarded-For entry names the client; 0 (default) trusts none. */
  trustedProxies?: number;
}

const LoginSchema = z.object({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(1024),
}).strict().openapi("Login", { example: { username: "ALFKI", password: "p" } });

const TokenSchema = z.object({
  access_token: z.string(), token_type: z.literal("Bearer"), expires_in: z.number().int(),
}).openapi("AccessToken");


export const loginRoute = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["Authentication"],
  summary: "Exchange a username and password for a bearer token",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: LoginSchema } } } },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: TokenSchema } } },
    400: errorResponse("Malformed body"),
    401: errorResponse("Wrong username or password"),
    415: errorResponse("Body is not JSON"),
    422: errorResponse("Missing fields"),
    429: errorResponse("Too many failed attempts; retry later"),
  },
});

let dummyHash: Promise<string> | undefined;
/** Verifying against a throwaway hash keeps unknown users as slow as wrong passwords. */
const equalizeTiming = (password: string) =>
  (dummyHash ??= Bun.password.hash("not-a-real-password", { algorithm: "argon2id" }))
    .then((hash) => Bun.password.verify(password, hash));

async function checkPassword(deps: AuthDeps, username: string, password: string) {
  const user = await deps.findUser(username);
  const ok = user ? await Bun.password.verify(password, user.passwordHash) : await equalizeTiming(password).then(() => false);
  return { user, ok };
}

export function registerLogin(app: OpenAPIHono<any>, deps: AuthDeps): void {
  app.openapi(loginRoute, async (c) => {
    const { username, password } = c.req.valid("json");
    const address = clientAddress(c, { trustedProxies: deps.trustedProxies });
    const wait = deps.limiter.attempt(username, address);
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      throw new ApiError("TOO_MANY_REQUESTS", `too many failed logins; retry in ${wait} s`);
    }
    const checked = await checkPassword(deps, username, password).catch((err: unknown) => {
      deps.limiter.abandoned(username, address);
      throw err;
    });
    const { user, ok } = checked;
    if (!user || !ok || user.disabled) {
      deps.limiter.failed(username, address);
      throw new ApiError("UNAUTHENTICATED", "wrong username or password");
    }
    deps.limiter.succeeded(username, address);
    const version = user.tokenVersion === undefined ? {} : { [TOKEN_VERSION_CLAIM]: user.tokenVersion };
    const { token, expiresIn } = await deps.tokens.sign({ ...user.claims, ...version, sub: user.id, roles: user.roles });
    return c.json({ access_token: token, token_type: "Bearer" as const, expires_in: expiresIn }, 200);
  });
}

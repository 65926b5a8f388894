/**
 * react-admin's AuthProvider over POST /api/auth/login: the access token is kept
 * in storage until it expires or the user logs out; a 401 from the API logs out,
 * a 403 does not (the user is signed in, just not allowed that). With a
 * permissions route, canAccess answers from it (access.ts), so menus and buttons
 * offer only what the user's role may do.
 */
import type { AuthProvider } from "react-admin";
import { allows, createAccessLoader, type Access } from "./access";
import type { FetchLike } from "./json-api";

export const TOKEN_KEY = "northwind-admin.token";

export interface Claims { sub?: string; roles?: string[]; exp?: number; customer_id?: string }

export interface TokenStore { get(): string | null; set(token: string): void; clear(): void }

export function storageTokenStore(storage: Storage, key = TOKEN_KEY): TokenStore {
  return { get: () => storage.getItem(key), set: (t) => storage.setItem(key, t), clear: () => storage.removeItem(key) };
}

/** The token's payload; the server verifies the signature, the SPA only reads who is signed in. */
export function claimsOf(token: string | null): Claims | undefined {
  const payload = token?.split(".")[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "="));
    return JSON.parse(json) as Claims;
  } catch {
    return undefined;
  }
}

function valid(token: string | null, now = Date.now()): boolean {
  const claims = claimsOf(token);
  return !!claims && (claims.exp === undefined || claims.exp * 1000 > now);
}

/** fetch with the bearer token of the signed-in user. */
export function authorizedFetch(fetch: FetchLike, tokens: TokenStore): FetchLike {
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    const token = tokens.get();
    if (token) headers.set("authorization", `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
}

export interface AuthProviderOptions {
  loginPath: string;
  /** GET /api/auth/me; without it react-admin offers every action to everyone. */
  permissionsPath?: string | null;
  fetch: FetchLike;
  tokens: TokenStore;
}

export function createAuthProvider(opts: AuthProviderOptions): AuthProvider & { access?: () => Promise<Access> } {
  const access = opts.permissionsPath
    ? createAccessLoader({ path: opts.permissionsPath, fetch: authorizedFetch(opts.fetch, opts.tokens), token: opts.tokens.get })
    : undefined;
  return {
    // Shared with the data provider, which searches only what the role may read.
    ...(access ? { access } : {}),
    ...(access ? { canAccess: async (params: { action: string; resource: string }) => allows(await access(), params) } : {}),
    async login(params: { username?: string; password?: string }) {
      const response = await opts.fetch(opts.loginPath, { method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: params.username ?? "", password: params.password ?? "" }) });
      const body = (await response.json().catch(() => ({}))) as { access_token?: string; errors?: { detail?: string }[] };
      if (!response.ok || !body.access_token) throw new Error(body.errors?.[0]?.detail ?? `login failed (${response.status})`);
      opts.tokens.set(body.access_token);
    },
    async logout() {
      opts.tokens.clear();
    },
    async checkAuth() {
      if (!valid(opts.tokens.get())) {
        opts.tokens.clear();
        throw new Error("please log in");
      }
    },
    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        opts.tokens.clear();
        throw new Error("your session ended; please log in again");
      }
    },
    async getIdentity() {
      const claims = claimsOf(opts.tokens.get());
      if (!claims?.sub) throw new Error("not signed in");
      return { id: claims.sub, fullName: claims.sub };
    },
    async getPermissions() {
      return claimsOf(opts.tokens.get())?.roles ?? [];
    },
  };
}

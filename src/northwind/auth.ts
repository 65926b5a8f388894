/**
 * Northwind's side of authentication: users, their roles, customer claim and
 * token version come from app_user / app_user_role (the version kept current by
 * token-version.ts's triggers); token settings come from config.
 */
import { and, eq } from "drizzle-orm";
import type { Config } from "../config";
import type { Database } from "../engine/db/database";
import type { UserRecord } from "../engine/security/auth.routes";
import { createTokenService, type TokenService } from "../engine/security/tokens";
import { User, UserRole } from "./schema";

export function userFinder(database: Database): (username: string) => Promise<UserRecord | undefined> {
  return async (username) => {
    const [user] = await database.db.select().from(User).where(eq(User.Id, username));
    if (!user) return undefined;
    const roles = await database.db.select({ role: UserRole.RoleName }).from(UserRole).where(eq(UserRole.UserId, user.Id));
    return {
      id: user.Id,
      passwordHash: user.PasswordHash,
      roles: roles.map((r) => r.role).sort(),
      disabled: user.Disabled,
      tokenVersion: user.TokenVersion,
      claims: { ...(user.CustomerId ? { customer_id: user.CustomerId } : {}), ...(user.ClientId ? { client_id: user.ClientId } : {}) },
    };
  };
}

/** The current token version of a user who may sign in; undefined when deleted or disabled. */
export function tokenVersionLookup(database: Database): (sub: string) => Promise<number | undefined> {
  return async (sub) => {
    const [user] = await database.db.select({ version: User.TokenVersion }).from(User)
      .where(and(eq(User.Id, sub), eq(User.Disabled, false)));
    return user?.version;
  };
}

/** Without JWT_SECRET outside production, a random per-process secret: tokens end with the process. */
export function tokenServiceFromConfig(config: Config, warn: (msg: string) => void = () => {}): Promise<TokenService> {
  let secret = config.JWT_SECRET;
  if (config.JWT_ALGORITHM === "HS256" && !secret) {
    if (config.NODE_ENV === "production") throw new Error("invalid configuration: JWT_SECRET: required in production");
    warn("JWT_SECRET unset: using a random secret; tokens stop working when this process restarts");
    secret = crypto.getRandomValues(new Uint8Array(32)).toBase64();
  }
  return createTokenService({
    algorithm: config.JWT_ALGORITHM, secret, privateKeyPem: config.JWT_PRIVATE_KEY, publicKeyPem: config.JWT_PUBLIC_KEY,
    jwksUrl: config.JWT_JWKS_URL, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE,
    ttlSeconds: config.JWT_TTL_SECONDS, clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
  });
}

/** Demo logins still carry the sample password "p": refuse production start unless allowed. */
export async function demoUsersPresent(database: Database): Promise<string[]> {
  const users = await database.db.select({ id: User.Id, hash: User.PasswordHash }).from(User);
  const demo: string[] = [];
  for (const u of users) if (await Bun.password.verify("p", u.hash)) demo.push(u.id);
  return demo;
}

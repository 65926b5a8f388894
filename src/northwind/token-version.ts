/**
 * What revokes a Northwind user's tokens: a change of its password, disabled
 * flag or the claims a token carries (customer, client), and any change of its
 * roles. Compiled to triggers in sql/northwind/50-token-version.sql.
 */
import { defineTokenVersion } from "../engine/security/compile-token-version";
import { User, UserRole } from "./schema";

export const northwindTokenVersion = defineTokenVersion({
  version: User.TokenVersion,
  key: User.Id,
  watch: [User.Id, User.PasswordHash, User.Disabled, User.CustomerId, User.ClientId],
  dependents: [UserRole.UserId],
});

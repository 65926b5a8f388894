/**
 * The JSON:API engine's public surface: build a registry from a drizzle schema,
 * mount the API on a service app, and run statements in the request transaction.
 */
export { buildRegistry, type RegistryOptions, type ReadOnlyAttribute } from "./model/build-registry";
export { readOnlyFromRules } from "./model/derived-read-only";
export type { AttributeModel, RelationshipModel, ResourceModel, ResourceRegistry } from "./model/resource-model";
export { restrictRegistry, type AttributeLimits, type RoleAccess } from "./model/role-view";
export { ID_ENCODING_DOC, decodeId, encodeId } from "./model/id-codec";
export { registerJsonApi, type JsonApiOptions } from "./http/register-api";
export { runInTransaction, type ApiEnv, type DbSession, type Tx } from "./transaction";

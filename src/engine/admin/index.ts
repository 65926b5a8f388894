/**
 * The admin engine's public surface: generate and merge a service's admin.yaml,
 * mount the SPA and its config on a service app, and bundle the SPA.
 */
export { AdminFile } from "./config/admin-file";
export { AdminConfigError, buildAdminModel } from "./config/build-model";
export { generateAdminFile, type GenerateOptions } from "./config/generate";
export { mergeAdminYaml, type MergeOptions, type MergeResult } from "./config/merge";
export { loadAdminModel, registerAdmin, type AdminOptions } from "./http/register-admin";
export { buildAdmin, DEFAULT_ADMIN_DIR, type BuildAdminOptions, type BuiltAdmin } from "./build/build-admin";
export type { AdminModel, AdminResource, AdminField, AdminTab } from "./model/admin-model";

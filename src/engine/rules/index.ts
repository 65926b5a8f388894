/**
 * The rules engine's public surface: declare rules against drizzle tables,
 * compile them to trigger SQL, recompute derived columns for existing data.
 * Schemas (Northwind, Shipping) import from here, never from the stages.
 */
export { e, type Expr, type Operand } from "./expr";
export { adjustBy, constraint, copy, count, defineRules, formula, parentCheck, sum, type RuleSet, type RuleSpec } from "./spec";
export { compileRules, derivedColumns, type CompiledRules } from "./compile";
export { RuleCompileError, formatDiagnostics, type RuleDiagnostic } from "./diagnostics";
export { recompute, type ConstraintViolation, type RecomputeOptions, type RecomputeReport } from "./recompute";
export { recomputeRules } from "./recompute-rules";
export type { RecomputePlan } from "./recompute-plan";
export { describeRule } from "./describe";
export { columnBounds, type NumericBounds } from "./column-bounds";

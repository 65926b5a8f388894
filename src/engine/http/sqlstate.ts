/**
 * The one table from Postgres SQLSTATE to API error code. Rule triggers raise
 * check_violation (23514) with the rule's message, so it reaches clients as 422.
 */
import { ApiError, type ErrorCode } from "./errors";

const SQLSTATE_CODES: Record<string, ErrorCode> = {
  "23505": "CONFLICT", // unique_violation
  "23503": "CONFLICT", // foreign_key_violation
  "23502": "VALIDATION_FAILED", // not_null_violation
  "23514": "RULE_VIOLATION", // check_violation, raised by constraint rules
  "23P01": "CONFLICT", // exclusion_violation
  "22P02": "VALIDATION_FAILED", // invalid_text_representation
  "22003": "VALIDATION_FAILED", // numeric_value_out_of_range
  "22001": "VALIDATION_FAILED", // string_data_right_truncation
  "22007": "VALIDATION_FAILED", // invalid_datetime_format
  "22008": "VALIDATION_FAILED", // datetime_field_overflow
  "42501": "FORBIDDEN", // insufficient_privilege (grants, RLS on write)
  "40001": "CONFLICT", // serialization_failure after retries
  "40P01": "CONFLICT", // deadlock_detected after retries
};

interface PostgresErrorLike { code: string; message: string; detail?: string; constraint_name?: string }

export function isPostgresError(e: unknown): e is PostgresErrorLike {
  return typeof e === "object" && e !== null && (e as { name?: string }).name === "PostgresError"
    && typeof (e as { code?: unknown }).code === "string";
}

/** Maps a Postgres error to an ApiError, or undefined when it is not one we expose. */
export function apiErrorFromPostgres(e: unknown): ApiError | undefined {
  if (!isPostgresError(e)) return undefined;
  const code = SQLSTATE_CODES[e.code];
  if (!code) return undefined;
  // Rule messages are written for users; driver messages for other states are too
  // (they name the constraint or value, never internals like file paths).
  // 42501's message names the table ("permission denied for table customer"): internal, so not echoed.
  const detail = code === "RULE_VIOLATION" ? e.message
    : e.code === "42501" ? "not permitted for your role"
    : [e.message, e.detail].filter(Boolean).join(": ");
  return new ApiError(code, detail, undefined, {
    cause: e,
    meta: e.constraint_name ? { constraint: e.constraint_name } : undefined,
  });
}

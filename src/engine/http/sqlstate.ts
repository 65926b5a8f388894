/**
 * The one table from Postgres SQLSTATE to API error code, keyed by exact code
 * first and by SQLSTATE class (its first two characters) second, the way
 * PostgREST does, so an error nobody listed still gets a fitting status.
 * Details are written here, for clients: Postgres's own messages name tables and
 * constraints, which are internals. Rule triggers RAISE check_violation (23514)
 * or foreign_key_violation (23503) with a message written for users, which is
 * passed through as it is, with the rule's name.
 */
import { ApiError, type ErrorCode } from "./errors";

interface Mapping { code: ErrorCode; detail?: string }

const BY_CODE: Record<string, Mapping> = {
  "23505": { code: "CONFLICT", detail: "a row with this key already exists" }, // unique_violation
  "23503": { code: "CONFLICT", detail: "it refers to a row that does not exist" }, // foreign_key_violation
  "23502": { code: "VALIDATION_FAILED", detail: "a required value is missing" }, // not_null_violation
  "23514": { code: "RULE_VIOLATION", detail: "a value breaks a check on the data" }, // check_violation
  "23P01": { code: "CONFLICT", detail: "the row conflicts with another row" }, // exclusion_violation
  "22P02": { code: "VALIDATION_FAILED", detail: "a value is not valid for its type" }, // invalid_text_representation
  "22003": { code: "VALIDATION_FAILED", detail: "a number is out of range" }, // numeric_value_out_of_range
  "22001": { code: "VALIDATION_FAILED", detail: "a value is too long" }, // string_data_right_truncation
  "22007": { code: "VALIDATION_FAILED", detail: "a date or time is not valid" }, // invalid_datetime_format
  "22008": { code: "VALIDATION_FAILED", detail: "a date or time is out of range" }, // datetime_field_overflow
  "22021": { code: "VALIDATION_FAILED", detail: "a value holds a character the database cannot store (e.g. NUL)" },
  "22P05": { code: "VALIDATION_FAILED", detail: "a value holds a character the database cannot store (e.g. NUL)" },
  "22025": { code: "BAD_REQUEST", detail: "a LIKE pattern has an invalid escape sequence" }, // invalid_escape_sequence
  "42501": { code: "FORBIDDEN", detail: "this role may not do that" }, // insufficient_privilege (grants, RLS)
  "25006": { code: "METHOD_NOT_ALLOWED", detail: "this operation is not allowed here" }, // read_only_sql_transaction
  "40001": { code: "CONFLICT", detail: "the request conflicted with a concurrent one; try again" }, // after retries
  "40P01": { code: "CONFLICT", detail: "the request conflicted with a concurrent one; try again" }, // after retries
  "55P03": { code: "UNAVAILABLE", detail: "a row is locked by another writer; try again" }, // lock_not_available
  "57014": { code: "UNAVAILABLE", detail: "the request took too long and was cancelled; try again" }, // query_canceled
  "57P01": { code: "UNAVAILABLE", detail: "the database is restarting; try again" }, // admin_shutdown
  "57P02": { code: "UNAVAILABLE", detail: "the database is restarting; try again" }, // crash_shutdown
  "57P03": { code: "UNAVAILABLE", detail: "the database is starting; try again" }, // cannot_connect_now
};

const BY_CLASS: Record<string, Mapping> = {
  "08": { code: "UNAVAILABLE", detail: "the database connection was lost; try again" }, // connection_exception
  "0A": { code: "BAD_REQUEST", detail: "the request uses a feature the database does not support" },
  "22": { code: "BAD_REQUEST", detail: "a value is not valid" }, // data_exception
  "23": { code: "CONFLICT", detail: "the change conflicts with the data" }, // integrity_constraint_violation
  "28": { code: "FORBIDDEN", detail: "this role may not do that" }, // invalid_authorization_specification
  "40": { code: "CONFLICT", detail: "the request conflicted with a concurrent one; try again" }, // transaction_rollback
  "53": { code: "UNAVAILABLE", detail: "the database is out of resources; try again" }, // insufficient_resources
  "54": { code: "VALIDATION_FAILED", detail: "a value or the request is too large for the database" }, // program_limit
};

interface PostgresErrorLike { code: string; message: string; detail?: string; constraint_name?: string; routine?: string }

/** The server routine that reports a PL/pgSQL RAISE: the message is a trigger's, not Postgres's. */
const RAISED_BY_TRIGGER = "exec_stmt_raise";

export function isPostgresError(e: unknown): e is PostgresErrorLike {
  return typeof e === "object" && e !== null && (e as { name?: string }).name === "PostgresError"
    && typeof (e as { code?: unknown }).code === "string";
}

/** Maps a Postgres error to an ApiError, or undefined when it is an internal one (a 500 with the cause logged). */
export function apiErrorFromPostgres(e: unknown): ApiError | undefined {
  if (!isPostgresError(e)) return undefined;
  const mapping = BY_CODE[e.code] ?? BY_CLASS[e.code.slice(0, 2)];
  if (!mapping) return undefined;
  if (e.routine === RAISED_BY_TRIGGER && e.code.startsWith("23")) {
    return new ApiError(mapping.code, e.message, undefined,
      { cause: e, meta: e.constraint_name ? { constraint: e.constraint_name } : undefined });
  }
  return new ApiError(mapping.code, detailFor(e, mapping), undefined, { cause: e });
}

function detailFor(e: PostgresErrorLike, mapping: Mapping): string {
  // A delete (or key change) that other rows still refer to: Postgres says "update or delete on table …".
  if (e.code === "23503" && /^update or delete/.test(e.message)) return "other rows still refer to this row";
  return mapping.detail ?? e.message;
}

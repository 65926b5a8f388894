/**
 * The closed vocabulary of API errors: one code, one HTTP status, one title.
 * A new code cannot exist without its status. Errors leave the server as
 * JSON:API error objects; the original error stays as `cause` for the log.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  INVALID_PARAMETER: 400,
  VALIDATION_FAILED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATION: 422,
  LOOKUP_FAILED: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  BAD_REQUEST: "Bad request",
  MALFORMED_JSON: "Malformed JSON",
  INVALID_PARAMETER: "Invalid query parameter",
  VALIDATION_FAILED: "Validation failed",
  UNAUTHENTICATED: "Authentication required",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "Not found",
  METHOD_NOT_ALLOWED: "Method not allowed",
  CONFLICT: "Conflict",
  PRECONDITION_FAILED: "Precondition failed",
  PAYLOAD_TOO_LARGE: "Payload too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  RULE_VIOLATION: "Business rule violated",
  LOOKUP_FAILED: "Lookup failed",
  TOO_MANY_REQUESTS: "Too many requests",
  INTERNAL: "Internal server error",
  UNAVAILABLE: "Service unavailable",
};

export interface ErrorSource { pointer?: string; parameter?: string; header?: string }

export interface JsonApiErrorObject {
  status: string;
  code: ErrorCode;
  title: string;
  detail?: string;
  source?: ErrorSource;
  meta?: Record<string, unknown>;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly source?: ErrorSource,
    options?: { cause?: unknown; meta?: Record<string, unknown> },
  ) {
    super(detail ?? TITLES[code], { cause: options?.cause });
    this.status = ERROR_STATUS[code];
    this.meta = options?.meta;
  }
  readonly meta: Record<string, unknown> | undefined;

  toJsonApi(): JsonApiErrorObject {
    return errorObject(this.code, this.message, this.source, this.meta);
  }
}

/** Several problems found at once (e.g. every invalid field of a body). */
export class ApiErrors extends Error {
  override readonly name = "ApiErrors";
  constructor(readonly errors: ApiError[]) {
    super(errors.map((e) => e.message).join("; "));
  }
  get status(): number {
    return this.errors[0]?.status ?? 400;
  }
}

export function errorObject(code: ErrorCode, detail?: string, source?: ErrorSource,
  meta?: Record<string, unknown>): JsonApiErrorObject {
  return {
    status: String(ERROR_STATUS[code]),
    code,
    title: TITLES[code],
    ...(detail ? { detail } : {}),
    ...(source ? { source } : {}),
    ...(meta ? { meta } : {}),
  };
}

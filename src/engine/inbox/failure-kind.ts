/**
 * Decides whether a failed message is poison (dead-letter it, move on) or the
 * failure is transient (retry the same message: the database may be restarting).
 */
import { ZodError } from "zod";
import { ApiError, ApiErrors } from "../http/errors";
import { isPostgresError } from "../http/sqlstate";

export type FailureKind = "poison" | "transient";

/** SQLSTATE classes that are about the data, not the server: retrying cannot help. */
const DATA_CLASSES = ["22", "23", "42"];

export function classifyFailure(err: unknown): FailureKind {
  if (err instanceof PoisonMessage || err instanceof ZodError || err instanceof ApiError || err instanceof ApiErrors) {
    return "poison";
  }
  // drizzle wraps driver errors; the SQLSTATE is on the cause.
  const pgError = isPostgresError(err) ? err : isPostgresError((err as { cause?: unknown })?.cause)
    ? (err as { cause: { code: string } }).cause : undefined;
  if (pgError) return DATA_CLASSES.includes(pgError.code.slice(0, 2)) ? "poison" : "transient";
  return "transient";
}

/** Thrown by handlers for a message that can never be processed. */
export class PoisonMessage extends Error {
  override readonly name = "PoisonMessage";
}

export function describeFailure(err: unknown): string {
  if (err instanceof ZodError) {
    return `invalid document: ${err.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`;
  }
  const cause = (err as { cause?: unknown })?.cause;
  if (isPostgresError(cause)) return cause.message;
  return err instanceof Error ? err.message : String(err);
}

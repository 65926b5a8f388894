/**
 * Parses environment variables with a zod schema. Failures become a ConfigError
 * whose message is one line naming each bad variable, for a clean exit at start-up.
 */
import type { z } from "zod";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  // Empty strings mean "unset", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);
}

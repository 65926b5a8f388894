/**
 * Compile-time diagnostics: user mistakes in a rule spec come back as a list of
 * messages naming the rule, never as a stack trace. Scripts print `message`.
 */

export interface RuleDiagnostic {
  readonly rule: string;
  readonly message: string;
}

export class RuleCompileError extends Error {
  override readonly name = "RuleCompileError";
  constructor(readonly diagnostics: readonly RuleDiagnostic[]) {
    super(formatDiagnostics(diagnostics));
  }
}

export function formatDiagnostics(diagnostics: readonly RuleDiagnostic[]): string {
  const lines = diagnostics.map((d) => `  rule ${d.rule}: ${d.message}`);
  return [`${diagnostics.length} rule error${diagnostics.length === 1 ? "" : "s"}:`, ...lines].join("\n");
}

/** Collects diagnostics during a compiler stage; `fail()` throws when any were reported. */
export interface DiagnosticSink {
  report(rule: string, message: string): void;
  readonly list: readonly RuleDiagnostic[];
  fail(): void;
}

export function createDiagnosticSink(): DiagnosticSink {
  const list: RuleDiagnostic[] = [];
  return {
    report: (rule, message) => { list.push(Object.freeze({ rule, message })); },
    list,
    fail: () => { if (list.length > 0) throw new RuleCompileError(list); },
  };
}

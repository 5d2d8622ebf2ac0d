/**
 * `checkProgram` runs the whole front end on a loaded program: binding, then every rule of the
 * registry (`rules/index.ts`). Rules see resolved references and the contract model, and report
 * through one sink; a rule never reports about a node the parser had to recover, and never about a
 * reference that did not resolve, so one fault gives one diagnostic.
 *
 * A rule that throws is a bug of the checker, not of the contract: it yields one internal-error
 * diagnostic (SLA9001) naming the rule, and every other diagnostic — the syntax, name and other
 * rules' ones, and what the failing rule reported before it threw — is still published, as
 * Langium's validation registry does.
 */
import { createDiagnostic } from "../diagnostics/catalogue.ts";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceHost } from "../program/host.ts";
import { type LoadedProgram, loadProgram, type ParseCache } from "../program/program.ts";
import { type Binding, bind } from "./binder.ts";
import { InternalDiagnostics } from "./codes.ts";
import { createRuleContext, type RuleContext } from "./context.ts";
import { type NamedRule, RULES } from "./rules/index.ts";

export type { NamedRule } from "./rules/index.ts";

export interface CheckedProgram extends LoadedProgram, Binding {
  /** Every diagnostic of every file of the program, sorted by file and position. */
  diagnostics: Diagnostic[];
}

/** `rules` replaces the registry (tests). */
export function checkLoadedProgram(loaded: LoadedProgram, rules: readonly NamedRule[] = RULES): CheckedProgram {
  const binding = bind(loaded);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...binding.diagnostics];
  const context: RuleContext = createRuleContext(loaded, binding, (d) => diagnostics.push(d));
  for (const rule of rules) runRule(rule, context, loaded.root, diagnostics);
  diagnostics.sort(compareDiagnostics);
  return { ...loaded, ...binding, diagnostics };
}

function runRule(rule: NamedRule, context: RuleContext, root: string, diagnostics: Diagnostic[]): void {
  try {
    rule.check(context);
  } catch (error) {
    const start = { offset: 0, line: 1, column: 1 };
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    diagnostics.push(
      createDiagnostic(InternalDiagnostics.ruleFailed, { rule: rule.name, error: reason }, root, { start, end: start }),
    );
  }
}

export function checkProgram(rootUri: string, host: SourceHost, cache?: ParseCache): CheckedProgram {
  return checkLoadedProgram(loadProgram(rootUri, host, cache));
}

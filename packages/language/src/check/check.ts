/**
 * `checkProgram` runs the whole front end on a loaded program: binding, then every rule of
 * `rules/`. Rules see resolved references and report through one sink; a rule never reports about
 * a node the parser had to recover, and never about a reference that did not resolve, so one fault
 * gives one diagnostic.
 */
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { loadProgram, type LoadedProgram, type ParseCache } from "../program/program.ts";
import type { SourceHost } from "../program/host.ts";
import { type Binding, bind } from "./binder.ts";
import { createRuleContext, type RuleContext } from "./context.ts";
import { RULES } from "./rules/index.ts";

export interface CheckedProgram extends LoadedProgram, Binding {
  /** Every diagnostic of every file of the program, sorted by file and position. */
  diagnostics: Diagnostic[];
}

export function checkLoadedProgram(loaded: LoadedProgram): CheckedProgram {
  const binding = bind(loaded);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...binding.diagnostics];
  const context: RuleContext = createRuleContext(loaded, binding, (d) => diagnostics.push(d));
  for (const rule of RULES) rule(context);
  diagnostics.sort(compareDiagnostics);
  return { ...loaded, ...binding, diagnostics };
}

export function checkProgram(rootUri: string, host: SourceHost, cache?: ParseCache): CheckedProgram {
  return checkLoadedProgram(loadProgram(rootUri, host, cache));
}

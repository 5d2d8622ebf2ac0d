/**
 * The whole pipeline from contract text to report, in memory: check, compile the bundle, render
 * the Markdown contract, evaluate observed records. Shared by the tests that hold the contract,
 * the bundle and the engine to one another.
 */
import { compileBundle, renderContract, type RuleBundle } from "@sla/compiler";
import { type EvaluateOptions, type EvaluationReport, evaluate, ndjsonEvents } from "@sla/engine";
import { checkProgram, memoryHost } from "@sla/language";

export const ROOT = "file:///contract/test.sla";

export interface Built {
  bundle: RuleBundle;
  markdown: string;
  diagnostics: string[];
}

/** Checks and builds a contract (with the files it imports, by URI); throws when the checker finds errors. */
export function build(text: string, files: Record<string, string> = {}): Built {
  const program = checkProgram(ROOT, memoryHost({ ...files, [ROOT]: text }));
  const diagnostics = program.diagnostics.map((d) => `${d.severity} ${d.code} ${d.range.start.line}: ${d.message}`);
  const errors = diagnostics.filter((d) => d.startsWith("error"));
  if (errors.length > 0) throw new Error(`the contract has errors:\n${errors.join("\n")}\n---\n${text}`);
  const bundle = compileBundle(program);
  return { bundle, markdown: renderContract(bundle), diagnostics };
}

export type RecordLine = Record<string, unknown>;

/** Evaluates records (objects, one NDJSON line each) against a bundle. */
export async function run(
  bundle: RuleBundle,
  records: RecordLine[],
  options: EvaluateOptions,
): Promise<EvaluationReport[]> {
  return evaluate(bundle, ndjsonEvents(records.map((r) => JSON.stringify(r))), options);
}

/** The parties, agreement and a service every generated contract shares. */
export function agreement(extra = "", zone = "UTC"): string {
  return `agreement Deal "Deal" {
  effective 2026-01-01
  term 24 months
  timezone "${zone}"
  currency GBP
  ${extra}
}
party Vendor "Vendor Ltd" { role provider }
party Client "Client plc" { role customer }
`;
}

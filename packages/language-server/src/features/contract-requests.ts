/**
 * Requests of the VS Code extension:
 * - `sla/preview` `{ uri }` → `{ markdown }`: the rendered contract of the document's program, as
 *   `sla build` writes it to NAME.md; or `{ error }` naming the errors that stop it.
 * - `sla/build` `{ uri }` → `{ files }` (absolute paths): writes NAME.rules.json and NAME.md beside
 *   the file, each through a temporary file renamed into place; or `{ error }`.
 * Both use the open buffers' text, saved or not.
 */
import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { compileBundle, renderContract, serializeBundle } from "@sla/compiler";
import type { CheckedProgram } from "@sla/language";
import type { ServerContext } from "../context.ts";
import { fileName } from "../analysis/kinds.ts";
import { normalizeUri, uriToPath } from "../workspace/workspace.ts";

export interface ContractParams {
  uri: string;
}
export type PreviewResult = { markdown: string } | { error: string };
export type BuildResult = { files: string[] } | { error: string };

/** At most this many errors are listed in a refusal. */
const LISTED = 10;

function checked(context: ServerContext, params: ContractParams): CheckedProgram | { error: string } {
  if (typeof params?.uri !== "string") return { error: "sla/preview and sla/build need { uri }." };
  const uri = normalizeUri(params.uri);
  if (context.workspace.text(uri) === undefined) return { error: `Cannot read ${params.uri}.` };
  const program = context.workspace.program(uri);
  const errors = program.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const lines = errors
      .slice(0, LISTED)
      .map((d) => `- ${fileName(d.uri)}:${d.range.start.line}:${d.range.start.column}: ${d.code} ${d.message}`);
    if (errors.length > LISTED) lines.push(`- … and ${errors.length - LISTED} more`);
    const count = errors.length === 1 ? "1 error" : `${errors.length} errors`;
    // plain text that also reads as a Markdown list
    return { error: `The contract has ${count}:\n\n${lines.join("\n")}` };
  }
  return program;
}

export function preview(context: ServerContext, params: ContractParams): PreviewResult {
  const program = checked(context, params);
  if ("error" in program) return program;
  return { markdown: renderContract(compileBundle(program)) };
}

export function build(context: ServerContext, params: ContractParams): BuildResult {
  const program = checked(context, params);
  if ("error" in program) return program;
  const path = uriToPath(program.root);
  if (!path) return { error: `Only files on disk can be built, not ${program.root}.` };
  if (!program.declarations.some((d) => d.declaration.kind === "agreement"))
    return {
      error: `${basename(path)} has no agreement: build needs one (a file of shared declarations is imported by a contract, not built).`,
    };
  const bundle = compileBundle(program);
  const name = basename(path).replace(/\.sla$/i, "");
  const folder = dirname(path);
  const outputs: [string, string][] = [
    [join(folder, `${name}.rules.json`), serializeBundle(bundle)],
    [join(folder, `${name}.md`), renderContract(bundle)],
  ];
  const inputs = new Set([...program.files.keys()].map((uri) => uriToPath(uri)));
  for (const [output] of outputs) {
    if (inputs.has(output)) return { error: `Refusing to overwrite ${output}: it is an input of the contract.` };
  }
  for (const [output, text] of outputs) writeAtomically(output, text);
  return { files: outputs.map(([output]) => output) };
}

/** Write through a temporary file in the same folder, then rename: a reader never sees half a file. */
function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temporary, text, "utf8");
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

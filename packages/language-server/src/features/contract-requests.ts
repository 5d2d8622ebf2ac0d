/**
 * Requests of the VS Code extension:
 * - `sla/preview` `{ uri }` → `{ markdown }`: the rendered contract of the document's program, as
 *   `sla build` writes it to NAME.md; or `{ error }` naming the errors that stop it.
 * - `sla/build` `{ uri, formats? }` → `{ files }` (absolute paths): writes NAME.rules.json and NAME.md
 *   (or the `formats` asked for: `json`, `md`, `docx` for the Word contract NAME.docx) beside the
 *   file, all or nothing, each through a temporary file renamed into place; or `{ error }`.
 * Both use the open buffers' text, saved or not.
 */
import { basename, dirname, join } from "node:path";
import { ARTIFACT_KINDS, buildArtifactFiles, compileBundle, renderContract } from "@sla/compiler";
import { FileError, writeFilesAtomic } from "@sla/node";
import type { CheckedProgram } from "@sla/language";
import type { ServerContext } from "../context.ts";
import { fileName } from "../analysis/kinds.ts";
import { normalizeUri, uriToPath } from "../workspace/workspace.ts";

import {
  type BuildFormat,
  type BuildParams,
  type BuildResult,
  type ContractParams,
  DEFAULT_BUILD_FORMATS,
  type PreviewResult,
} from "../protocol.ts";

/** At most this many errors are listed in a refusal. */
const LISTED = 10;

/** The document's checked program, or why it cannot be previewed, built or evaluated. */
export function checked(context: ServerContext, params: ContractParams): CheckedProgram | { error: string } {
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

/** The formats asked for, checked (a client may send anything), or why they cannot be built. */
function buildFormats(formats: unknown): { formats: readonly BuildFormat[] } | { error: string } {
  if (formats === undefined) return { formats: DEFAULT_BUILD_FORMATS };
  const known: readonly string[] = ARTIFACT_KINDS;
  if (!Array.isArray(formats) || formats.length === 0 || !formats.every((f) => known.includes(f))) {
    return { error: `sla/build takes formats as a list of ${known.join(", ")}, not ${JSON.stringify(formats)}.` };
  }
  return { formats: formats as BuildFormat[] };
}

export async function build(context: ServerContext, params: BuildParams): Promise<BuildResult> {
  const asked = buildFormats(params?.formats);
  if ("error" in asked) return asked;
  const program = checked(context, params);
  if ("error" in program) return program;
  const path = uriToPath(program.root);
  if (!path) return { error: `Only files on disk can be built, not ${program.root}.` };
  const built = await buildArtifactFiles(program, asked.formats);
  if ("problem" in built) return { error: `${basename(path)} ${built.message}.` };
  const folder = dirname(path);
  const outputs = built.artifacts.map((a) =>
    "bytes" in a
      ? { path: join(folder, a.fileName), bytes: a.bytes }
      : { path: join(folder, a.fileName), text: a.text },
  );
  const inputs = new Set([...program.files.keys()].map((uri) => uriToPath(uri)));
  for (const output of outputs) {
    if (inputs.has(output.path))
      return { error: `Refusing to overwrite ${output.path}: it is an input of the contract.` };
  }
  try {
    // all or nothing: a full disk leaves the previous bundle, Markdown and Word contract as they were
    writeFilesAtomic(outputs);
  } catch (error) {
    if (error instanceof FileError) return { error: `${error.message}.` };
    throw error;
  }
  return { files: outputs.map((output) => output.path) };
}

/**
 * What `sla build` (and the editor's Build Rule Bundle) produce from a contract: the rule bundle
 * and the Markdown contract, named after the contract's file. One function for the CLI and the
 * language server, so both refuse and name things the same way; writing stays with the caller.
 */
import type { CheckedProgram } from "@sla/language";
import { renderContract } from "./render/contract.ts";
import { compileBundle } from "./compile.ts";
import { serializeBundle } from "./serialize.ts";

export type ArtifactKind = "json" | "md";

export interface Artifact {
  kind: ArtifactKind;
  /** `hosting.rules.json`, `hosting.md`: the contract's file name with the artifact's suffix. */
  fileName: string;
  text: string;
}

/** Either the artifacts, or why there are none, worded to follow the contract's name. */
export type ArtifactsResult = { artifacts: Artifact[] } | { problem: "errors" | "no agreement"; message: string };

/** The contract's name without `.sla`, from its URI: `file:///x/hosting.sla` → `hosting`. */
export function contractName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf("/") + 1);
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // keep the encoded form
  }
  return name.replace(/\.sla$/i, "");
}

export function buildArtifacts(
  program: CheckedProgram,
  kinds: readonly ArtifactKind[] = ["json", "md"],
): ArtifactsResult {
  const errors = program.diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) return { problem: "errors", message: `has ${errors === 1 ? "an error" : `${errors} errors`}` };
  if (!program.declarations.some((d) => d.declaration.kind === "agreement")) {
    return {
      problem: "no agreement",
      message: "has no agreement: build needs one (a file of shared declarations is imported by a contract, not built)",
    };
  }
  const name = contractName(program.root);
  const bundle = compileBundle(program);
  const artifacts: Artifact[] = [];
  if (kinds.includes("json"))
    artifacts.push({ kind: "json", fileName: `${name}.rules.json`, text: serializeBundle(bundle) });
  if (kinds.includes("md")) artifacts.push({ kind: "md", fileName: `${name}.md`, text: renderContract(bundle) });
  return { artifacts };
}

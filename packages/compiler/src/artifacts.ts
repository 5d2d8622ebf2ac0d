/**
 * What `sla build` (and the editor's Build Rule Bundle) produce from a contract: the rule bundle,
 * the Markdown contract and, when asked for, the Word contract, named after the contract's file.
 * One function for the CLI and the language server, so both refuse and name things the same way;
 * writing stays with the caller. The Word contract is bytes and is packed asynchronously, so it
 * comes from `buildArtifactFiles`; `buildArtifacts` gives the text artifacts at once.
 */
import { type CheckedProgram, uriFileName } from "@sla/language";
import { renderContract } from "./render/contract.ts";
import { compileBundle } from "./compile.ts";
import { type RuleBundle, serializeBundle } from "@sla/bundle";

export type TextArtifactKind = "json" | "md";
export type ArtifactKind = TextArtifactKind | "docx";

/** Every kind, in the order they are built and listed. */
export const ARTIFACT_KINDS: readonly ArtifactKind[] = ["json", "md", "docx"];
/** What a build writes when no kind is named: the rule bundle and the Markdown contract. */
export const DEFAULT_ARTIFACT_KINDS: readonly TextArtifactKind[] = ["json", "md"];

export interface Artifact {
  kind: TextArtifactKind;
  /** `hosting.rules.json`, `hosting.md`: the contract's file name with the artifact's suffix. */
  fileName: string;
  text: string;
}

export interface BinaryArtifact {
  kind: "docx";
  /** `hosting.docx` */
  fileName: string;
  bytes: Uint8Array;
}

type Problem = { problem: "errors" | "no agreement"; message: string };

/** Either the artifacts, or why there are none, worded to follow the contract's name. */
export type ArtifactsResult = { artifacts: Artifact[] } | Problem;
export type ArtifactFilesResult = { artifacts: (Artifact | BinaryArtifact)[] } | Problem;

/**
 * The kinds named by a `--format` value: one kind or several separated by commas (`docx`,
 * `json,md,docx`), in the order of `ARTIFACT_KINDS` whatever order they are named in; or what is
 * wrong with it.
 */
export function parseArtifactKinds(format: string): { kinds: ArtifactKind[] } | { error: string } {
  const named = format.split(",").map((part) => part.trim().toLowerCase());
  const unknown = named.filter((part) => !(ARTIFACT_KINDS as readonly string[]).includes(part));
  if (unknown.length) {
    const what = unknown[0] === "" ? "an empty format" : `'${unknown[0]}'`;
    return { error: `--format takes json, md or docx, or several separated by commas (json,md,docx), not ${what}` };
  }
  return { kinds: ARTIFACT_KINDS.filter((kind) => named.includes(kind)) };
}

/** The contract's name without `.sla`, from its URI: `file:///x/hosting.sla` → `hosting`. */
export function contractName(uri: string): string {
  return uriFileName(uri).replace(/\.sla$/i, "");
}

export function buildArtifacts(
  program: CheckedProgram,
  kinds: readonly TextArtifactKind[] = DEFAULT_ARTIFACT_KINDS,
): ArtifactsResult {
  const problem = refusal(program);
  if (problem) return problem;
  return { artifacts: textArtifacts(compileBundle(program), contractName(program.root), kinds) };
}

/** The artifacts of every kind asked for, the Word contract included, in the order of `ARTIFACT_KINDS`. */
export async function buildArtifactFiles(
  program: CheckedProgram,
  kinds: readonly ArtifactKind[] = DEFAULT_ARTIFACT_KINDS,
): Promise<ArtifactFilesResult> {
  const problem = refusal(program);
  if (problem) return problem;
  const name = contractName(program.root);
  const bundle = compileBundle(program);
  const artifacts: (Artifact | BinaryArtifact)[] = textArtifacts(bundle, name, kinds);
  if (kinds.includes("docx"))
    artifacts.push({ kind: "docx", fileName: `${name}.docx`, bytes: await renderContractDocx(bundle) });
  return { artifacts };
}

/**
 * The Word contract (.docx bytes) for a rule bundle, from the model the Markdown contract is rendered
 * from. The renderer and the docx library behind it are loaded on first use: they are a fifth of
 * the CLI bundle, and loading them on every start slowed every command, not only the builds that
 * ask for a Word contract.
 */
export async function renderContractDocx(bundle: RuleBundle): Promise<Uint8Array> {
  const docx = await import("./render/docx.ts");
  return docx.renderContractDocx(bundle);
}

function refusal(program: CheckedProgram): Problem | undefined {
  const errors = program.diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) return { problem: "errors", message: `has ${errors === 1 ? "an error" : `${errors} errors`}` };
  if (!program.declarations.some((d) => d.declaration.kind === "agreement")) {
    return {
      problem: "no agreement",
      message: "has no agreement: build needs one (a file of shared declarations is imported by a contract, not built)",
    };
  }
  return undefined;
}

function textArtifacts(bundle: RuleBundle, name: string, kinds: readonly ArtifactKind[]): Artifact[] {
  const artifacts: Artifact[] = [];
  if (kinds.includes("json"))
    artifacts.push({ kind: "json", fileName: `${name}.rules.json`, text: serializeBundle(bundle) });
  if (kinds.includes("md")) artifacts.push({ kind: "md", fileName: `${name}.md`, text: renderContract(bundle) });
  return artifacts;
}

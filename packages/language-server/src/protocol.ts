/**
 * The server's requests beyond standard LSP: their method names, parameters and results. The VS
 * Code extension imports this module (`@sla/language-server/protocol`), so the client and the
 * server cannot disagree on a shape; it imports nothing, so the extension's bundle gains only the
 * method names.
 */

/** `sla/preview`: the Markdown contract of the document's program, as `sla build` writes NAME.md. */
export const PREVIEW_REQUEST = "sla/preview";
/**
 * `sla/build`: writes the outputs asked for beside the file (`formats`, default the rule bundle and
 * the Markdown contract; `docx` the Word contract), as `sla build --format` does.
 */
export const BUILD_REQUEST = "sla/build";
/** `sla/evaluate`: the service report (Markdown) of the document's contract for one month. */
export const EVALUATE_REQUEST = "sla/evaluate";

/** The parameters of `sla/preview` (and of `sla/build`, which may add `formats`). */
export interface ContractParams {
  uri: string;
}
/** The contract, or an error message (in Markdown) naming what stops it. */
export type PreviewResult = { markdown: string } | { error: string };
/** What `sla/build` can write, in the order it writes them: as `sla build --format` names them. */
export const BUILD_FORMATS = ["json", "md", "docx"] as const;
export type BuildFormat = (typeof BUILD_FORMATS)[number];
/** What `sla/build` writes when no `formats` are given. */
export const DEFAULT_BUILD_FORMATS: readonly BuildFormat[] = ["json", "md"];
export interface BuildParams extends ContractParams {
  /** One or more of `BUILD_FORMATS`, in any order; written in the order of `BUILD_FORMATS`. */
  formats?: BuildFormat[];
}
/** The absolute paths written, or why nothing was. */
export type BuildResult = { files: string[] } | { error: string };

export interface EvaluateParams {
  uri: string;
  /** Absolute path of the observed data (NDJSON, or CSV when it ends in .csv). */
  eventsFile: string;
  /** The month, YYYY-MM. */
  period: string;
}
export type EvaluateResult = { markdown: string } | { error: string };

/** `sla/diff` `{ uri }`: what the document's contract says differently from its last committed version (git `HEAD`), as a Markdown change list. */
export const DIFF_REQUEST = "sla/diff";
/** The change list and how many changes it has, or why there is none. */
export type DiffResult = { markdown: string; changes: number } | { error: string };

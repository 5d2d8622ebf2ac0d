/** The language server's custom requests, beyond standard LSP. */

/** `sla/preview`: the Markdown contract of the document's program (or an error message in Markdown). */
export const PREVIEW_REQUEST = "sla/preview";
export interface PreviewParams {
  uri: string;
}
export type PreviewResult = { markdown: string } | { error: string };

/** `sla/build`: writes the rule bundle and the Markdown contract beside the file. */
export const BUILD_REQUEST = "sla/build";
export interface BuildParams {
  uri: string;
}
export type BuildResult = { files: string[] } | { error: string };

/** `sla/evaluate`: the service report (Markdown) of the document's contract for one month. */
export const EVALUATE_REQUEST = "sla/evaluate";
export interface EvaluateParams {
  uri: string;
  /** Absolute path of the observed data (NDJSON, or CSV when it ends in .csv). */
  eventsFile: string;
  /** The month, YYYY-MM. */
  period: string;
}
export type EvaluateResult = { markdown: string } | { error: string };

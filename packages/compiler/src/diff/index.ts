/** `sla diff`: what changed between two contracts, as a change list and as a Word redline. */
export { type Change, type ChangeKind, diffBundles } from "./changes.ts";
export { changesJson, changesMarkdown, changesText, NO_CHANGES } from "./report.ts";
export type { RedlineOptions } from "./redline.ts";

/** The Word redline (.docx bytes); the renderer and `docx` load on first use, as for the Word contract. */
export async function renderRedlineDocx(
  before: import("../bundle-types.ts").RuleBundle,
  after: import("../bundle-types.ts").RuleBundle,
  options: import("./redline.ts").RedlineOptions = {},
): Promise<Uint8Array> {
  const redline = await import("./redline.ts");
  return redline.renderRedlineDocx(before, after, options);
}

/** A change list as text, Markdown or JSON. */
import type { Change } from "./changes.ts";
import { markdownSentence, plainSentence } from "./sentence.ts";

export const NO_CHANGES = "No changes to what the contract says.";

function period(sentence: string): string {
  return /\.”?$/.test(sentence) ? sentence : `${sentence}.`;
}

/** One change a line, titles in quotes. */
export function changesText(changes: Change[]): string {
  if (changes.length === 0) return `${NO_CHANGES}\n`;
  return changes.map((c) => `${period(plainSentence(c.sentence))}\n`).join("");
}

/** A bulleted list, titles in italics. */
export function changesMarkdown(changes: Change[]): string {
  if (changes.length === 0) return `${NO_CHANGES}\n`;
  return changes.map((c) => `- ${period(markdownSentence(c.sentence))}\n`).join("");
}

/** The JSON array documented in docs/lawyers.md: `{ kind, path, before, after, sentence }`, the sentence in plain text. */
export function changesJson(changes: Change[]): string {
  return `${JSON.stringify(
    changes.map((c) => ({
      kind: c.kind,
      path: c.path,
      before: c.before,
      after: c.after,
      sentence: plainSentence(c.sentence),
    })),
    null,
    2,
  )}\n`;
}

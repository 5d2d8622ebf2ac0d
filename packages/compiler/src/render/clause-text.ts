/**
 * The contract's own clause text as clauses of the document model: paragraphs (separated by a
 * blank line) each a clause, and list lines (`- `, `* `, `1.`, `1)` or `(a)` at the start of a
 * line) as lettered items of the paragraph before them, so "does not apply to:" and its list stay
 * one clause. Parsed once here, so the Markdown and the Word contract show the same structure;
 * every piece is escaped, so the text adds no markup of its own (no links, no HTML).
 */
import type { Block, Clause } from "./document.ts";
import { escapeInline, raw } from "./escape.ts";

const ITEM = /^[ \t]*(?:[-*•]|\d{1,3}[.)]|\([a-z]{1,3}\))[ \t]+(\S.*)$/;

/** The n-th item's letter, as `lettered` in document.ts writes it (`a` … `z`, `aa`, `bb` …). */
function letter(index: number): string {
  return String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1);
}

export function clauseText(text: string): Clause[] {
  const clauses: Clause[] = [];
  let lines: string[] = [];
  let kind: "paragraph" | "item" | undefined;
  let afterBlank = false;
  const flush = () => {
    const body = escapeInline(lines.join(" "));
    if (kind && body !== "") {
      if (kind === "paragraph" || clauses.length === 0) clauses.push({ blocks: [] });
      const blocks = clauses[clauses.length - 1].blocks;
      const block: Block = { kind: "paragraph", text: raw(body) };
      if (kind === "item") block.item = letter(blocks.filter((b) => b.kind === "paragraph" && b.item).length);
      blocks.push(block);
    }
    lines = [];
    kind = undefined;
  };
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const item = ITEM.exec(line);
    if (item) {
      flush();
      kind = "item";
      lines = [item[1]];
    } else if (line.trim() === "") {
      flush();
      afterBlank = true;
      continue;
    } else if (kind && !afterBlank) {
      lines.push(line.trim());
    } else {
      flush();
      kind = "paragraph";
      lines = [line.trim()];
    }
    afterBlank = false;
  }
  flush();
  return clauses;
}

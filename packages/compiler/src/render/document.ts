/** The contract's document model: sections of numbered clauses, each clause a list of blocks. */
import { join, type Markdown, raw } from "./escape.ts";

export type Block =
  /** `item`: the letter of a lettered list item (`a` for `(a)`), which the renderer numbers. */
  { kind: "paragraph"; text: Markdown; item?: string } | { kind: "table"; head: Markdown[]; rows: Markdown[][] };

export interface Clause {
  /** Bold lead-in, e.g. the remedy's title. */
  heading?: Markdown;
  blocks: Block[];
}

export type SectionKey =
  | "parties"
  | "definitions"
  | "services"
  | "levels"
  | "measurement"
  | "measurementPlan"
  | "exclusions"
  | "support"
  | "credits"
  | "feesAtRisk"
  | "actions"
  | "termination"
  | "incentives"
  | "outcomes"
  | "reporting"
  | "term"
  | "changeOfControl"
  | `clause:${number}`;

export interface Section {
  key: SectionKey;
  title: Markdown;
  clauses: Clause[];
}

/**
 * The whole contract, as both renderers (Markdown and Word) walk it: sections are numbered in
 * order from 1, clauses within a section from 1, and every cross-reference holds its number.
 */
export interface ContractDocument {
  title: Markdown;
  /** Paragraphs under the title: the version and effective date, or why these are not an agreement. */
  preamble: Markdown[];
  sections: Section[];
  signatures?: SignatureBlock;
}

export interface SignatureBlock {
  intro: Markdown;
  /** An empty first cell, then one per signing party. */
  head: Markdown[];
  /** `Signature`, `Name`, `Position`, `Date`, each with an empty cell per party. */
  rows: Markdown[][];
}

/** The number of a section in the contract (`3`), for a clause that cites it. */
export type SectionRef = (key: SectionKey) => Markdown;

export function paragraph(text: Markdown): Block {
  return { kind: "paragraph", text };
}

export function table(head: Markdown[], rows: Markdown[][]): Block {
  return { kind: "table", head, rows };
}

export function clause(first: Markdown, ...rest: Block[]): Clause {
  return { blocks: [paragraph(first), ...rest] };
}

export function headed(heading: Markdown, first: Markdown, ...rest: Block[]): Clause {
  return { heading, blocks: [paragraph(first), ...rest] };
}

/** `(a) text;` items, the last ending in `.` and the one before it in `; and`. */
export function lettered(items: Markdown[]): Block[] {
  return items.map((item, i) => {
    const letter = String.fromCharCode(97 + (i % 26)).repeat(Math.floor(i / 26) + 1);
    const end = i === items.length - 1 ? "." : i === items.length - 2 ? "; and" : ";";
    return { kind: "paragraph", text: raw(`${item.text}${end}`), item: letter };
  });
}

/** A lead-in and lettered items; a single item follows the lead-in on its line. */
export function listClause(lead: Markdown, items: Markdown[]): Clause {
  if (items.length === 1) return clause(join([lead, raw(" "), items[0], raw(".")]));
  return { blocks: [paragraph(lead), ...lettered(items)] };
}

/** Adds sentences to the clause's last paragraph, or as a new paragraph after a table. */
export function appendSentences(blocks: Block[], sentences: Markdown[]): void {
  if (sentences.length === 0) return;
  const last = blocks[blocks.length - 1];
  if (last?.kind === "paragraph") last.text = join([last.text, ...sentences], " ");
  else blocks.push(paragraph(join(sentences, " ")));
}

/** The Markdown contract: `## 1. Title` sections, `**1.1**` clauses, `(a)` items, GFM tables. */
export function renderMarkdown(document: ContractDocument): string {
  const out: string[] = [`# ${document.title.text}`, ""];
  for (const line of document.preamble) out.push(line.text, "");
  document.sections.forEach((section, i) => {
    const n = i + 1;
    out.push(`## ${n}. ${section.title.text}`, "");
    if (section.clauses.length === 0) out.push("Not used.", "");
    section.clauses.forEach((c, j) => {
      const number = `**${n}.${j + 1}**`;
      c.blocks.forEach((block, k) => {
        if (block.kind === "table") {
          if (k === 0) out.push(number, "");
          out.push(renderTable(block.head, block.rows), "");
          return;
        }
        const text = block.item === undefined ? block.text.text : `(${block.item}) ${block.text.text}`;
        if (k === 0) {
          const heading = c.heading ? `**${c.heading.text}.** ` : "";
          out.push(`${number} ${heading}${text}`, "");
        } else out.push(text, "");
      });
    });
  });
  const signatures = document.signatures;
  if (signatures) {
    out.push("## Signatures", "", signatures.intro.text, "", renderTable(signatures.head, signatures.rows), "");
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

export function renderTable(head: Markdown[], rows: Markdown[][]): string {
  const cell = (m: Markdown) => (m.text === "" ? " " : m.text);
  return [
    `| ${head.map(cell).join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

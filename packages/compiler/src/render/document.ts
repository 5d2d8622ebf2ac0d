/** The contract's document model: sections of numbered clauses, each clause a list of blocks. */
import { join, type Markdown, raw } from "./escape.ts";

export type Block = { kind: "paragraph"; text: Markdown } | { kind: "table"; head: Markdown[]; rows: Markdown[][] };

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
  | "exclusions"
  | "support"
  | "credits"
  | "actions"
  | "termination"
  | "incentives"
  | "reporting"
  | "term"
  | `clause:${number}`;

export interface Section {
  key: SectionKey;
  title: Markdown;
  clauses: Clause[];
}

/** A reference to a section, replaced by its number once sections are numbered. Escaped text cannot contain U+0000. */
export function sectionRef(key: SectionKey): Markdown {
  return raw(`\u0000${key}\u0000`);
}

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
    return paragraph(raw(`(${letter}) ${item.text}${end}`));
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

export function renderTable(head: Markdown[], rows: Markdown[][]): string {
  const cell = (m: Markdown) => (m.text === "" ? " " : m.text);
  return [
    `| ${head.map(cell).join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

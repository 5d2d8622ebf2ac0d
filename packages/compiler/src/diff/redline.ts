/**
 * The redline: the new contract as a Word document with Word's own tracked changes (`w:ins`,
 * `w:del`) against the old one, so the Review pane lists each change and can accept or reject it.
 * Both contracts are taken from the document model the Word contract is rendered from, flattened
 * to the paragraphs and tables the Word renderer writes; paragraphs are aligned (the longest
 * common subsequence of identical ones, then paragraphs of the same kind that share most words
 * paired), table rows likewise, and inside a paired paragraph or cell only the words that differ
 * are marked.
 */
import {
  DeletedTextRun,
  HeightRule,
  InsertedTextRun,
  Paragraph,
  ShadingType,
  type Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { RuleBundle } from "../bundle-types.ts";
import { contractDocument } from "../render/contract.ts";
import type { ContractDocument } from "../render/document.ts";
import {
  CELL_MARGIN,
  NUMBERING,
  packDocx,
  pageTable,
  SIGNATURE_ROW_HEIGHT,
  STYLE,
  signatureWidths,
  TEXT_WIDTH,
  wordDocument,
} from "../render/docx.ts";
import { type Markdown, raw } from "../render/escape.ts";
import { plainText, spans } from "../render/inline.ts";
import { columnWidths, tableFontSize } from "../render/table-layout.ts";
import { diffSequences, type Op, words } from "./sequence.ts";

export interface RedlineOptions {
  /** Shown as each revision's author in Word. */
  author?: string;
  /** ISO 8601 time of the revisions; the same options give the same bytes. */
  date?: string;
}

type Style = (typeof STYLE)[keyof typeof STYLE];
interface Para {
  kind: "paragraph";
  style: Style;
  level?: 0 | 1 | 2;
  heading?: Markdown;
  text: Markdown;
  keepNext?: boolean;
}
interface Grid {
  kind: "table";
  head: Markdown[];
  rows: Markdown[][];
  signatures: boolean;
}
type Unit = Para | Grid;

/** The paragraphs and tables the Word contract has, in order (see render/docx.ts). */
export function units(doc: ContractDocument): Unit[] {
  const out: Unit[] = [{ kind: "paragraph", style: STYLE.title, text: doc.title }];
  for (const line of doc.preamble) out.push({ kind: "paragraph", style: STYLE.body, text: line });
  for (const section of doc.sections) {
    out.push({ kind: "paragraph", style: STYLE.section, level: 0, text: section.title });
    if (section.clauses.length === 0) out.push({ kind: "paragraph", style: STYLE.clauseText, text: raw("Not used.") });
    for (const c of section.clauses)
      c.blocks.forEach((b, k) => {
        if (b.kind === "table") {
          if (k === 0) out.push({ kind: "paragraph", style: STYLE.clause, level: 1, text: raw("") });
          out.push({ kind: "table", head: b.head, rows: b.rows, signatures: false });
        } else if (k === 0)
          out.push({ kind: "paragraph", style: STYLE.clause, level: 1, heading: c.heading, text: b.text });
        else if (b.item !== undefined) out.push({ kind: "paragraph", style: STYLE.listItem, level: 2, text: b.text });
        else out.push({ kind: "paragraph", style: STYLE.clauseText, text: b.text });
      });
  }
  if (doc.signatures) {
    out.push({ kind: "paragraph", style: STYLE.section, text: raw("Signatures"), keepNext: true });
    out.push({ kind: "paragraph", style: STYLE.body, text: doc.signatures.intro, keepNext: true });
    out.push({ kind: "table", head: doc.signatures.head, rows: doc.signatures.rows, signatures: true });
  }
  return out;
}

function shape(u: Unit): string {
  return u.kind === "table" ? `table:${u.head.length}:${u.signatures}` : `${u.style}:${u.level ?? ""}`;
}

function content(u: Unit): string {
  if (u.kind === "table") return [u.head, ...u.rows].map((row) => row.map((m) => m.text).join("\u0001")).join("\u0002");
  return `${u.heading?.text ?? ""}\u0001${u.text.text}`;
}

/**
 * The share of words two texts have in common, 0 to 1, counted as bags of words: linear in their
 * length, as it is asked for every pair of changed paragraphs between two unchanged ones.
 */
function similarity(a: string, b: string): number {
  const x = words(a).filter((w) => w.trim());
  const y = words(b).filter((w) => w.trim());
  if (x.length === 0 && y.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of x) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of y) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return common / Math.max(x.length, y.length);
}

const SIMILAR = 0.4;

/** Aligns two lists: identical items first, then, between them, items that `pairable` accepts. */
export function align<T>(before: T[], after: T[], key: (x: T) => string, pairable: (a: T, b: T) => boolean): Op<T>[] {
  // keys computed once each, not once per comparison
  const keys = new Map<T, string>([...before, ...after].map((x) => [x, key(x)]));
  const exact = diffSequences(before, after, (a, b) => keys.get(a) === keys.get(b));
  const out: Op<T>[] = [];
  for (let i = 0; i < exact.length; ) {
    if (exact[i].op === "equal") {
      out.push(exact[i++]);
      continue;
    }
    const deleted: T[] = [];
    const inserted: T[] = [];
    for (; i < exact.length && exact[i].op !== "equal"; i++) {
      const op = exact[i];
      if (op.op === "delete") deleted.push(op.old);
      else if (op.op === "insert") inserted.push(op.new);
    }
    out.push(...diffSequences(deleted, inserted, pairable));
  }
  return out;
}

class Revisions {
  private next = 1;
  constructor(private readonly options: Required<RedlineOptions>) {}
  mark() {
    return { id: this.next++, author: this.options.author, date: this.options.date };
  }
}

interface Token {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
}

function tokens(m: Markdown): Token[] {
  return spans(m).flatMap((s) => words(s.text).map((text) => ({ text, bold: s.bold, italic: s.italic, code: s.code })));
}

function sameStyle(a: Token, b: Token): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code;
}

type RunStyle = { bold?: boolean; size?: number };
type Run = TextRun | InsertedTextRun | DeletedTextRun;

function runOf(op: "equal" | "delete" | "insert", t: Token, style: RunStyle, revisions: Revisions): Run {
  const options = {
    text: t.text,
    bold: style.bold || t.bold || undefined,
    italics: t.italic || undefined,
    size: style.size,
    font: t.code ? "Courier New" : undefined,
  };
  if (op === "equal") return new TextRun(options);
  return op === "insert"
    ? new InsertedTextRun({ ...options, ...revisions.mark() })
    : new DeletedTextRun({ ...options, ...revisions.mark() });
}

/** Runs for old text becoming new: unchanged words plain, the others deleted or inserted, merged into runs. */
function changedRuns(
  before: Markdown | undefined,
  after: Markdown | undefined,
  style: RunStyle,
  revisions: Revisions,
): Run[] {
  const ops = diffSequences(
    before ? tokens(before) : [],
    after ? tokens(after) : [],
    (a, b) => a.text === b.text && sameStyle(a, b),
  );
  const out: Run[] = [];
  let pending: { op: Op<Token>["op"]; token: Token } | undefined;
  const flush = () => {
    if (pending) out.push(runOf(pending.op, pending.token, style, revisions));
    pending = undefined;
  };
  for (const op of ops) {
    const token = op.op === "insert" ? op.new : op.old;
    if (pending && pending.op === op.op && sameStyle(pending.token, token))
      pending.token = { ...token, text: pending.token.text + token.text };
    else {
      flush();
      pending = { op: op.op, token };
    }
  }
  flush();
  return out;
}

type Side = "equal" | "delete" | "insert";

function paragraph(before: Para | undefined, after: Para | undefined, side: Side, revisions: Revisions): Paragraph {
  const p = (after ?? before) as Para;
  const heading =
    p.heading || before?.heading
      ? [
          ...changedRuns(before?.heading, after?.heading, { bold: true }, revisions),
          ...changedRuns(before?.heading && raw(". "), after?.heading && raw(". "), { bold: true }, revisions),
        ]
      : [];
  // a paragraph added or removed as a whole has its paragraph mark tracked too, so rejecting leaves no empty line
  const mark =
    side === "insert"
      ? { insertion: revisions.mark() }
      : side === "delete"
        ? { deletion: revisions.mark() }
        : undefined;
  return new Paragraph({
    style: p.style,
    numbering: p.level !== undefined ? { reference: NUMBERING, level: p.level } : undefined,
    keepNext: p.keepNext,
    run: mark,
    children: [...heading, ...changedRuns(before?.text, after?.text, {}, revisions)],
  });
}

function table(before: Grid | undefined, after: Grid | undefined, revisions: Revisions): Table {
  const t = (after ?? before) as Grid;
  const size = tableFontSize(t.head.length);
  const widths = t.signatures
    ? signatureWidths(t.head.length - 1)
    : columnWidths(
        t.head.map(plainText),
        t.rows.map((row) => row.map(plainText)),
        TEXT_WIDTH,
        size,
        CELL_MARGIN,
      );
  const cells = (old: Markdown[] | undefined, now: Markdown[] | undefined, heading: boolean) =>
    widths.map(
      (width, i) =>
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          shading: heading ? { type: ShadingType.CLEAR, fill: "D9D9D9", color: "auto" } : undefined,
          children: [
            new Paragraph({
              style: heading ? STYLE.tableHeading : STYLE.tableText,
              children: changedRuns(old?.[i], now?.[i], { size }, revisions),
            }),
          ],
        }),
    );
  const rowKey = (row: Markdown[]) => row.map((m) => m.text).join("\u0001");
  const rows = align(
    before?.rows ?? [],
    after?.rows ?? [],
    rowKey,
    (a, b) =>
      similarity(plainText(raw(a.map((m) => m.text).join(" "))), plainText(raw(b.map((m) => m.text).join(" ")))) >=
      SIMILAR,
  );
  return pageTable(
    widths,
    { keepNext: t.signatures || undefined, children: cells(before?.head, after?.head, true) },
    rows.map((op, i) => {
      const old = op.op === "insert" ? undefined : op.old;
      const now = op.op === "delete" ? undefined : op.new;
      const changed =
        op.op === "insert" ? { insertion: revisions.mark() } : op.op === "delete" ? { deletion: revisions.mark() } : {};
      // the signature block as the Word contract has it: rows with room to sign, kept on one page
      const signing = t.signatures
        ? {
            height: { value: SIGNATURE_ROW_HEIGHT, rule: HeightRule.ATLEAST },
            keepNext: i < rows.length - 1,
          }
        : {};
      return new TableRow({ cantSplit: true, ...signing, ...changed, children: cells(old, now, false) });
    }),
  );
}

/** The redline's body: the units of both contracts, aligned, with what changed tracked. */
export function redlineBody(
  before: ContractDocument,
  after: ContractDocument,
  options: RedlineOptions = {},
): (Paragraph | Table)[] {
  const revisions = new Revisions({ author: options.author ?? "sla", date: options.date ?? "1970-01-01T00:00:00Z" });
  const ops = align(
    units(before),
    units(after),
    (u) => `${shape(u)}\u0003${content(u)}`,
    (a, b) => {
      if (shape(a) !== shape(b)) return false;
      if (a.kind === "table" || b.kind === "table") return true;
      return similarity(plainText(a.text), plainText(b.text)) >= SIMILAR;
    },
  );
  return ops.map((op) => {
    const old = op.op === "insert" ? undefined : op.old;
    const now = op.op === "delete" ? undefined : op.new;
    const u = (now ?? old) as Unit;
    if (u.kind === "table") return table(old as Grid | undefined, now as Grid | undefined, revisions);
    const side: Side = op.op === "equal" ? "equal" : op.op;
    return paragraph(old as Para | undefined, now as Para | undefined, side, revisions);
  });
}

/** The .docx redline of the new contract against the old one. */
export async function renderRedlineDocx(
  before: RuleBundle,
  after: RuleBundle,
  options: RedlineOptions = {},
): Promise<Uint8Array> {
  const [old, now] = [contractDocument(before), contractDocument(after)];
  const title = plainText(now.title);
  return packDocx(wordDocument(title, redlineBody(old, now, options)), title);
}

/**
 * `renderContractDocx` writes the contract as a Word document from the same document model the
 * Markdown contract is rendered from (`contractDocument`), so the two never disagree. What a firm
 * expects of a Word draft:
 *
 * - clause numbers are Word's own multilevel list (`1.` sections, `1.1` clauses, `(a)` items), so
 *   inserting a clause renumbers the rest;
 * - every paragraph has a named style (Title, Heading 1, Clause, Clause Text, Clause List, Table
 *   Text, Table Heading, Body) that a firm can restyle to its house style;
 * - tables repeat their header row on each page and their columns are sized to fit the text width
 *   of an A4 page (which also fits Letter), with a smaller font for wide tables;
 * - page numbers in the footer, and the signature block.
 *
 * No Node imports: the `docx` package runs in a browser too, and the bytes are returned for the
 * caller to write.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeightRule,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { RuleBundle } from "../bundle-types.ts";
import { contractDocument } from "./contract.ts";
import type { Block, Clause, ContractDocument, SignatureBlock } from "./document.ts";
import type { Markdown } from "./escape.ts";
import { plainText, spans } from "./inline.ts";
import { columnWidths, tableFontSize } from "./table-layout.ts";
import { withZipEpochTimes } from "./zip-time.ts";

/** Style ids: the names Word shows are in `STYLES`. */
export const STYLE = {
  title: "Title",
  section: "Heading1",
  clause: "SLAClause",
  clauseText: "SLAClauseText",
  listItem: "SLAClauseList",
  body: "SLABody",
  tableText: "SLATableText",
  tableHeading: "SLATableHeading",
} as const;

export const NUMBERING = "sla-clauses";
const FONT = "Arial";
/** A4 is 11906 twips wide; with 1440 margins the text is 9026 wide, narrower than Letter's 9360. */
const PAGE = { width: 11906, height: 16838, margin: 1440 };
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The indent of clause text, and the hanging indent of every clause number. */
const INDENT = 720;
export const CELL_MARGIN = 80;

function runs(markdown: Markdown, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  return spans(markdown).map(
    (s) =>
      new TextRun({
        text: s.text,
        bold: options.bold || s.bold || undefined,
        italics: s.italic || undefined,
        size: options.size,
        font: s.code ? "Courier New" : undefined,
      }),
  );
}

function cell(markdown: Markdown, width: number, size: number, heading: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: heading ? { type: ShadingType.CLEAR, fill: "D9D9D9", color: "auto" } : undefined,
    children: [
      new Paragraph({
        style: heading ? STYLE.tableHeading : STYLE.tableText,
        children: runs(markdown, { size }),
      }),
    ],
  });
}

interface TableOptions {
  rowHeight?: number;
  /** Every row kept on the page of the next, so the table is never split (the signature block). */
  together?: boolean;
  /** Column widths to use instead of those fitted to the text. */
  widths?: number[];
}

function table(head: Markdown[], rows: Markdown[][], options: TableOptions = {}): Table {
  const size = tableFontSize(head.length);
  const widths =
    options.widths ??
    columnWidths(
      head.map(plainText),
      rows.map((row) => row.map(plainText)),
      TEXT_WIDTH,
      size,
      CELL_MARGIN,
    );
  return pageTable(
    widths,
    { keepNext: options.together, children: head.map((h, i) => cell(h, widths[i], size, true)) },
    rows.map(
      (row, i) =>
        new TableRow({
          cantSplit: true,
          keepNext: options.together && i < rows.length - 1,
          height: options.rowHeight ? { value: options.rowHeight, rule: HeightRule.ATLEAST } : undefined,
          children: row.map((c, i) => cell(c, widths[i], size, false)),
        }),
    ),
  );
}

/** A table across the text width in fixed columns, its header row repeated on every page (the contract and the redline). */
export function pageTable(
  widths: number[],
  header: { keepNext?: boolean; children: TableCell[] },
  rows: TableRow[],
): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
    rows: [new TableRow({ tableHeader: true, cantSplit: true, ...header }), ...rows],
  });
}

function block(b: Block, first: boolean, c: Clause): (Paragraph | Table)[] {
  if (b.kind === "table") {
    // A clause that opens with a table still gets its number, on a line of its own.
    const number = first ? [new Paragraph({ style: STYLE.clause, numbering: { reference: NUMBERING, level: 1 } })] : [];
    return [...number, table(b.head, b.rows)];
  }
  if (first) {
    const heading = c.heading ? [...runs(c.heading, { bold: true }), new TextRun({ text: ". ", bold: true })] : [];
    return [
      new Paragraph({
        style: STYLE.clause,
        numbering: { reference: NUMBERING, level: 1 },
        children: [...heading, ...runs(b.text)],
      }),
    ];
  }
  if (b.item !== undefined)
    return [
      new Paragraph({ style: STYLE.listItem, numbering: { reference: NUMBERING, level: 2 }, children: runs(b.text) }),
    ];
  return [new Paragraph({ style: STYLE.clauseText, children: runs(b.text) })];
}

/** The signature block's rows are at least this tall (twips), room to sign by hand. */
export const SIGNATURE_ROW_HEIGHT = 680;

/** A column for the row labels, then the same width for each party: no party's column is the lesser. */
export function signatureWidths(parties: number): number[] {
  const label = 1600;
  const each = Math.floor((TEXT_WIDTH - label) / parties);
  return [label + (TEXT_WIDTH - label - each * parties), ...Array.from({ length: parties }, () => each)];
}

function signatures(s: SignatureBlock): (Paragraph | Table)[] {
  return [
    new Paragraph({ style: STYLE.section, keepNext: true, children: [new TextRun("Signatures")] }),
    new Paragraph({ style: STYLE.body, keepNext: true, children: runs(s.intro) }),
    table(s.head, s.rows, {
      rowHeight: SIGNATURE_ROW_HEIGHT,
      together: true,
      widths: signatureWidths(s.head.length - 1),
    }),
  ];
}

function body(doc: ContractDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ style: STYLE.title, children: runs(doc.title) })];
  for (const line of doc.preamble) out.push(new Paragraph({ style: STYLE.body, children: runs(line) }));
  for (const section of doc.sections) {
    out.push(
      new Paragraph({
        style: STYLE.section,
        numbering: { reference: NUMBERING, level: 0 },
        children: runs(section.title),
      }),
    );
    if (section.clauses.length === 0)
      out.push(new Paragraph({ style: STYLE.clauseText, children: [new TextRun("Not used.")] }));
    for (const c of section.clauses) {
      c.blocks.forEach((b, k) => {
        out.push(...block(b, k === 0, c));
      });
    }
  }
  if (doc.signatures) out.push(...signatures(doc.signatures));
  return out;
}

const paragraphSpacing = { before: 100, after: 100, line: 276 };

const STYLES = [
  {
    id: STYLE.title,
    name: "Title",
    basedOn: "Normal",
    next: STYLE.body,
    quickFormat: true,
    run: { font: FONT, size: 36, bold: true },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 } },
  },
  {
    id: STYLE.section,
    name: "Heading 1",
    basedOn: "Normal",
    next: STYLE.clause,
    quickFormat: true,
    run: { font: FONT, size: 24, bold: true, color: "000000" },
    paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 120 }, outlineLevel: 0 },
  },
  {
    id: STYLE.clause,
    name: "Clause",
    basedOn: "Normal",
    next: STYLE.clauseText,
    quickFormat: true,
    run: { font: FONT, size: 21 },
    paragraph: { spacing: paragraphSpacing },
  },
  {
    id: STYLE.clauseText,
    name: "Clause Text",
    basedOn: STYLE.clause,
    next: STYLE.clauseText,
    quickFormat: true,
    paragraph: { indent: { left: INDENT } },
  },
  {
    id: STYLE.listItem,
    name: "Clause List",
    basedOn: STYLE.clause,
    next: STYLE.listItem,
    quickFormat: true,
  },
  {
    id: STYLE.body,
    name: "Body",
    basedOn: "Normal",
    next: STYLE.body,
    quickFormat: true,
    run: { font: FONT, size: 21 },
    paragraph: { spacing: paragraphSpacing },
  },
  {
    id: STYLE.tableText,
    name: "Table Text",
    basedOn: "Normal",
    next: STYLE.tableText,
    quickFormat: true,
    run: { font: FONT, size: 18 },
    paragraph: { spacing: { before: 0, after: 0 } },
  },
  {
    id: STYLE.tableHeading,
    name: "Table Heading",
    basedOn: STYLE.tableText,
    next: STYLE.tableText,
    quickFormat: true,
    run: { bold: true },
    paragraph: { keepNext: true },
  },
];

/** `1.` for sections, `1.1` for clauses, `(a)` for the items of a clause; each level restarts under the one above. */
const LEVELS = [
  { level: 0, format: LevelFormat.DECIMAL, text: "%1.", style: STYLE.section, left: INDENT },
  { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2", style: STYLE.clause, left: INDENT },
  { level: 2, format: LevelFormat.LOWER_LETTER, text: "(%3)", style: STYLE.listItem, left: 2 * INDENT },
].map((l) => ({
  level: l.level,
  format: l.format,
  text: l.text,
  start: 1,
  alignment: AlignmentType.LEFT,
  style: { style: l.style, paragraph: { indent: { left: l.left, hanging: INDENT } } },
}));

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES],
            size: 18,
            font: FONT,
          }),
        ],
      }),
    ],
  });
}

/** The Word document for a contract document model. */
export function contractDocx(doc: ContractDocument): Document {
  return wordDocument(plainText(doc.title), body(doc));
}

/** A Word document of the contract's page, styles and numbering around the given body (also the redline's). */
export function wordDocument(title: string, children: (Paragraph | Table)[]): Document {
  return new Document({
    title,
    creator: "sla",
    styles: {
      default: { document: { run: { font: FONT, size: 21 } } },
      paragraphStyles: STYLES,
    },
    numbering: { config: [{ reference: NUMBERING, levels: LEVELS }] },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: { default: footer() },
        children,
      },
    ],
  });
}

/** Core properties without the time of packing, which `docx` would stamp: the same contract gives the same bytes. */
function coreProperties(title: string): string {
  const escaped = title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escaped}</dc:title><dc:creator>sla</dc:creator></cp:coreProperties>`;
}

/** The Word contract (.docx bytes) for a rule bundle, from the model the Markdown contract is rendered from. */
export async function renderContractDocx(bundle: RuleBundle): Promise<Uint8Array> {
  const doc = contractDocument(bundle);
  return packDocx(contractDocx(doc), plainText(doc.title));
}

/** The .docx bytes of a Word document, the same for the same document. */
export async function packDocx(document: Document, title: string): Promise<Uint8Array> {
  const bytes = await Packer.toArrayBuffer(document, false, [
    { path: "docProps/core.xml", data: coreProperties(title) },
  ]);
  return withZipEpochTimes(new Uint8Array(bytes));
}

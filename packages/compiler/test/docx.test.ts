/**
 * The Word contract's structure, read back from the .docx package: Word's own multilevel numbering
 * (no typed clause numbers), named styles, bold defined terms, tables that repeat their header row
 * and fit the page, page numbers, the signature block, and the same text as the Markdown contract
 * paragraph for paragraph, since both are rendered from one document model.
 */
import { join } from "node:path";
import vm from "node:vm";
import { build } from "esbuild";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Block, ContractDocument } from "../src/render/document.ts";
import { type Markdown, raw } from "../src/render/escape.ts";
import { plainText, spans } from "../src/render/inline.ts";
import { columnWidths, tableFontSize } from "../src/render/table-layout.ts";
import { TEXT_WIDTH } from "../src/render/docx.ts";
import { compileBundle, contractDocument, escapeInline, type RuleBundle, renderContractDocx } from "../src/index.ts";
import { paragraphs, part, tables, unzip } from "../../../test/docx/zip.ts";
import { checkFile, checkSource, errorsOf, exampleFiles, repoRoot } from "./helpers.ts";

const TWO_SERVICES = join(repoRoot, "test/docx/fixtures/two-services.sla");
const cases = [...exampleFiles(), { name: "two-services", path: TWO_SERVICES }];

function bundleOf(path: string): RuleBundle {
  const program = checkFile(path);
  expect(errorsOf(program)).toEqual([]);
  return compileBundle(program);
}

async function packageOf(bundle: RuleBundle) {
  const files = unzip(await renderContractDocx(bundle));
  return {
    files,
    document: part(files, "word/document.xml"),
    numbering: part(files, "word/numbering.xml"),
    styles: part(files, "word/styles.xml"),
  };
}

/** The paragraphs a Word renderer of the model must write, in order, as plain text. */
function expectedParagraphs(doc: ContractDocument): string[] {
  const out = [plainText(doc.title), ...doc.preamble.map(plainText)];
  const table = (head: Markdown[], rows: Markdown[][]) => [head, ...rows].flatMap((row) => row.map(plainText));
  for (const section of doc.sections) {
    out.push(plainText(section.title));
    if (section.clauses.length === 0) out.push("Not used.");
    for (const clause of section.clauses) {
      clause.blocks.forEach((block: Block, k) => {
        if (block.kind === "table") {
          if (k === 0) out.push("");
          out.push(...table(block.head, block.rows));
        } else {
          const heading = k === 0 && clause.heading ? `${plainText(clause.heading)}. ` : "";
          out.push(heading + plainText(block.text));
        }
      });
    }
  }
  if (doc.signatures) {
    out.push("Signatures", plainText(doc.signatures.intro), ...table(doc.signatures.head, doc.signatures.rows));
  }
  return out;
}

describe("the Word contract", () => {
  it("has cases, the six-column service level table among them", () => {
    expect(cases.length).toBeGreaterThan(3);
  });

  for (const { name, path } of cases) {
    it(`${name}: says what the Markdown contract says, paragraph for paragraph`, async () => {
      const bundle = bundleOf(path);
      const { document } = await packageOf(bundle);
      expect(paragraphs(document).map((p) => p.text)).toEqual(expectedParagraphs(contractDocument(bundle)));
    });

    it(`${name}: numbers sections, clauses and items with Word's numbering, not typed numbers`, async () => {
      const bundle = bundleOf(path);
      const doc = contractDocument(bundle);
      const { document } = await packageOf(bundle);
      const all = paragraphs(document);
      const clauses = doc.sections.reduce((n, s) => n + s.clauses.length, 0);
      const items = doc.sections
        .flatMap((s) => s.clauses.flatMap((c) => c.blocks))
        .filter((b) => b.kind === "paragraph" && b.item !== undefined).length;
      expect(all.filter((p) => p.level === 0 && p.style === "Heading1")).toHaveLength(doc.sections.length);
      expect(all.filter((p) => p.level === 1 && p.style === "SLAClause")).toHaveLength(clauses);
      expect(all.filter((p) => p.level === 2 && p.style === "SLAClauseList")).toHaveLength(items);
      expect(items).toBeGreaterThan(0);
      for (const p of all) {
        expect(p.text, "a typed clause number").not.toMatch(/^\s*(\d+\.\d*|\([a-z]{1,2}\))\s/);
      }
    });

    it(`${name}: tables repeat their header row and fit an A4 or Letter page`, async () => {
      const { document } = await packageOf(bundleOf(path));
      const found = tables(document);
      expect(found.length).toBeGreaterThan(0);
      for (const table of found) {
        expect(table.rows[0]).toContain("<w:tblHeader/>");
        for (const row of table.rows.slice(1)) expect(row).not.toContain("<w:tblHeader/>");
        expect(table.xml).toContain('<w:tblLayout w:type="fixed"/>');
        expect(table.grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
        // 9026 twips: the text width of A4 with 1-inch margins, narrower than Letter's 9360.
        expect(TEXT_WIDTH).toBeLessThanOrEqual(9360);
        const cells = table.rows[0].match(/<w:tc>/g)?.length;
        expect(table.grid).toHaveLength(cells ?? 0);
      }
    });
  }

  it("gives the six-column service level table a smaller font and every column room for its longest word", async () => {
    const bundle = bundleOf(TWO_SERVICES);
    const { document } = await packageOf(bundle);
    const levels = tables(document).find((t) => paragraphs(t.rows[0]).some((p) => p.text === "Permitted Downtime"));
    expect(levels?.grid).toHaveLength(6);
    expect(paragraphs(levels!.rows[0]).map((p) => p.text)).toEqual([
      "Service level",
      "Service",
      "Measure",
      "Target",
      "Measurement Period",
      "Permitted Downtime",
    ]);
    expect(levels!.xml).toContain(`<w:sz w:val="${tableFontSize(6)}"/>`);
    expect(tableFontSize(6)).toBeLessThan(tableFontSize(2));
    // "Measurement" in bold 8 pt at 0.72 em a character, with the cell margins.
    for (const width of levels!.grid) expect(width).toBeGreaterThan(700);
    expect(levels!.grid[4]).toBeGreaterThanOrEqual(Math.ceil(11 * 8 * 0.72 * 20));
  });

  it("has one multilevel numbering definition: 1. sections, 1.1 clauses, (a) items, each tied to its style", async () => {
    const { numbering, document } = await packageOf(bundleOf(exampleFiles()[0].path));
    const abstract = [...numbering.matchAll(/<w:abstractNum [\s\S]*?<\/w:abstractNum>/g)]
      .map((m) => m[0])
      .find((a) => a.includes('<w:lvlText w:val="%1.%2"/>'));
    expect(abstract).toBeDefined();
    const levels = [...abstract!.matchAll(/<w:lvl w:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvl>/g)].map((m) => ({
      level: Number(m[1]),
      format: /<w:numFmt w:val="([^"]+)"\/>/.exec(m[2])?.[1],
      text: /<w:lvlText w:val="([^"]+)"\/>/.exec(m[2])?.[1],
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[2])?.[1],
    }));
    expect(levels).toEqual([
      { level: 0, format: "decimal", text: "%1.", style: "Heading1" },
      { level: 1, format: "decimal", text: "%1.%2", style: "SLAClause" },
      { level: 2, format: "lowerLetter", text: "(%3)", style: "SLAClauseList" },
    ]);
    const abstractId = /w:abstractNumId="(\d+)"/.exec(abstract!)![1];
    const numId = new RegExp(`<w:num w:numId="(\\d+)"><w:abstractNumId w:val="${abstractId}"/>`).exec(numbering)![1];
    const used = new Set([...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect([...used]).toEqual([numId]);
  });

  it("names every paragraph style a firm would restyle", async () => {
    const { styles, document } = await packageOf(bundleOf(exampleFiles()[0].path));
    const named = new Map(
      [
        ...styles.matchAll(/<w:style w:type="paragraph" w:styleId="([^"]+)"[^>]*>[\s\S]*?<w:name w:val="([^"]+)"\/>/g),
      ].map((m) => [m[1], m[2]]),
    );
    for (const [id, name] of [
      ["Title", "Title"],
      ["Heading1", "Heading 1"],
      ["SLAClause", "Clause"],
      ["SLAClauseText", "Clause Text"],
      ["SLAClauseList", "Clause List"],
      ["SLABody", "Body"],
      ["SLATableText", "Table Text"],
      ["SLATableHeading", "Table Heading"],
    ])
      expect(named.get(id), id).toBe(name);
    for (const p of paragraphs(document)) expect(named.has(p.style ?? ""), `unstyled: ${p.text}`).toBe(true);
  });

  it("bolds defined terms where they are defined, and lists the parties as (a) and (b)", async () => {
    const bundle = bundleOf(exampleFiles().find((e) => e.name === "cloud-hosting")!.path);
    const { document } = await packageOf(bundle);
    const all = paragraphs(document);
    const bold = (p: { xml: string }) =>
      [...p.xml.matchAll(/<w:r><w:rPr><w:b\/>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g)].map((m) => m[1]);
    const definition = all.find((p) => p.text.startsWith('"Monthly Fee" means'));
    expect(definition && bold(definition)).toEqual(["Monthly Fee"]);
    const parties = all.filter((p) => p.level === 2).slice(0, 2);
    expect(parties.map((p) => p.text.split(" of ")[0])).toEqual(["Nimbus Cloud Inc.", "Orbital Analytics LLC"]);
    expect(bold(parties[0])).toEqual(["Nimbus Cloud Inc.", "Provider"]);
  });

  it("numbers the pages in the footer and ends with the signature block", async () => {
    const { files, document } = await packageOf(bundleOf(exampleFiles()[0].path));
    const footer = part(files, "word/footer1.xml");
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(document).toContain('<w:footerReference w:type="default"');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const signatures = tables(document).at(-1)!;
    // Kept on one page: every row but the last keeps with the next.
    for (const row of signatures.rows.slice(0, -1)) expect(row).toContain("<w:keepNext/>");
    expect(signatures.rows.at(-1)).not.toContain("<w:keepNext/>");
    expect(signatures.grid[1]).toBe(signatures.grid[2]);
    expect(signatures.rows.map((row) => paragraphs(row)[0].text)).toEqual([
      "",
      "Signature",
      "Name",
      "Position",
      "Date",
    ]);
    expect(paragraphs(signatures.rows[0]).map((p) => p.text)).toEqual([
      "",
      "For Nimbus Cloud Inc. (Provider)",
      "For Orbital Analytics LLC (Customer)",
    ]);
  });

  it("gives the same bytes for the same contract", async () => {
    const bundle = bundleOf(exampleFiles()[0].path);
    const first = await renderContractDocx(bundle);
    const second = await renderContractDocx(structuredClone(bundle));
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    expect(part(unzip(first), "docProps/core.xml")).not.toContain("dcterms:created");
  });

  it("writes the bundle's strings as exactly those characters, markup and all", async () => {
    const evil = "<b>x</b> **not bold** `tick` & &amp; \\ [l](http://x) | _u_";
    const source = `agreement A "${evil.replace(/\\/g, "\\\\")}" { effective 2026-01-01  timezone "UTC" }
party P "${evil.replace(/\\/g, "\\\\")}" { role provider }
party C "Customer Ltd" { role customer }
`;
    const program = checkSource({ "file:///evil.sla": source });
    expect(errorsOf(program)).toEqual([]);
    const { document } = await packageOf(compileBundle(program));
    const texts = paragraphs(document).map((p) => p.text);
    expect(texts[0]).toBe(evil);
    expect(texts.some((t) => t.startsWith(`${evil} (the "Provider")`))).toBe(true);
    // The asterisks stay in the text, in the same run: nothing was made bold or code.
    expect(document).toContain("**not bold** `tick` &amp; &amp;amp; \\ [l](http://x)");
  });
});

describe("the Word renderer in a browser", () => {
  it("bundles for a browser and writes the same bytes with no Node globals", async () => {
    const result = await build({
      stdin: {
        contents: `import { renderContractDocx } from "./docx.ts";\nglobalThis.renderContractDocx = renderContractDocx;\n`,
        resolveDir: join(repoRoot, "packages/compiler/src/render"),
        loader: "ts",
      },
      bundle: true,
      platform: "browser",
      format: "iife",
      conditions: ["@sla/source"],
      write: false,
      logLevel: "silent",
    });
    // Only what a browser has: no process, require or Buffer; Uint8Array and TextEncoder from this realm.
    const context = vm.createContext({ TextEncoder, TextDecoder });
    expect(vm.runInContext("typeof process + typeof require + typeof Buffer", context)).toBe(
      "undefinedundefinedundefined",
    );
    vm.runInContext(result.outputFiles[0].text, context);
    const bundle = bundleOf(exampleFiles()[0].path);
    const inBrowser: Uint8Array = await context.renderContractDocx(JSON.parse(JSON.stringify(bundle)));
    const inNode = await renderContractDocx(bundle);
    expect(Buffer.compare(Buffer.from(inBrowser), Buffer.from(inNode))).toBe(0);
  });
});

describe("inline Markdown of the model", () => {
  it("reads back what escapeInline wrote, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        const escaped = raw(escapeInline(text));
        expect(plainText(escaped)).toBe(normalise(text));
        expect(spans(escaped).every((s) => !s.bold && !s.code)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("splits renderer-written bold, italic and code from plain text", () => {
    expect(spans(raw('the "**Service**" (\\*) `agreement` &lt; *any* **time**'))).toEqual([
      { text: 'the "', bold: false, italic: false, code: false },
      { text: "Service", bold: true, italic: false, code: false },
      { text: '" (*) ', bold: false, italic: false, code: false },
      { text: "agreement", bold: false, italic: false, code: true },
      { text: " < ", bold: false, italic: false, code: false },
      { text: "any", bold: false, italic: true, code: false },
      { text: " ", bold: false, italic: false, code: false },
      { text: "time", bold: true, italic: false, code: false },
    ]);
  });
});

/** What escapeInline keeps of a text: controls dropped, whitespace runs as one space, trimmed. */
function normalise(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, "")
    .trim()
    .replace(/[\s\u2028\u2029]+/g, " ");
}

describe("column widths", () => {
  it("fill the width, and give every column its longest word before sharing out the rest", () => {
    const widths = columnWidths(["A", "Description"], [["x", "a long description ".repeat(8)]], 9000, 20, 80);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9000);
    expect(widths[1]).toBeGreaterThan(widths[0] * 3);
    const tight = columnWidths(["Service level", "Measurement"], [["Responsiveness", "Availability"]], 3000, 16, 80);
    expect(tight.reduce((a, b) => a + b, 0)).toBe(3000);
    for (const w of tight) expect(w).toBeGreaterThanOrEqual(Math.ceil(11 * 8 * 0.72 * 20));
  });
});

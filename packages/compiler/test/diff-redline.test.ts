/**
 * The Word redline: `w:ins` and `w:del` hold exactly the changed text; accepting every change
 * gives the new Word contract's text paragraph for paragraph and rejecting every change the old
 * one's; paragraphs that did not change carry no revision; and, when LibreOffice is installed,
 * the redline opens and prints to PDF.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderContractDocx, renderRedlineDocx, type RuleBundle } from "../src/index.ts";
import { part, unzip } from "../../../test/docx/zip.ts";
import { ensureTools } from "../../../test/docx/tools.ts";
import { BASE, bundleOf, edited } from "./diff-helpers.ts";
import { repoRoot } from "./helpers.ts";

const base = bundleOf(BASE);
const DATE = "2026-11-27T10:00:00Z";

async function documentXml(bytes: Promise<Uint8Array>): Promise<string> {
  return part(unzip(await bytes), "word/document.xml");
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The text inside each `w:ins` and each `w:del`, in document order. */
function revisions(xml: string, tag: "ins" | "del"): string[] {
  const text = tag === "ins" ? "w:t" : "w:delText";
  return [...xml.matchAll(new RegExp(`<w:${tag} [^>]*>([\\s\\S]*?)</w:${tag}>`, "g"))]
    .map((m) =>
      [...m[1].matchAll(new RegExp(`<${text}(?: [^>]*)?>([^<]*)</${text}>`, "g"))].map((t) => decode(t[1])).join(""),
    )
    .filter((t) => t !== "");
}

/** The paragraphs' text once every change is accepted (or rejected), as Word would leave it. */
function resolved(xml: string, choice: "accept" | "reject"): string[] {
  const [gone, kept] = choice === "accept" ? ["del", "ins"] : ["ins", "del"];
  const rowMarked = new RegExp(`<w:trPr>(?:(?!</w:trPr>)[\\s\\S])*<w:${gone} `);
  const markGone = new RegExp(`<w:pPr>(?:(?!</w:pPr>)[\\s\\S])*<w:rPr>(?:(?!</w:rPr>)[\\s\\S])*<w:${gone} `);
  const withoutRows = xml.replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, (row) => (rowMarked.test(row) ? "" : row));
  return [...withoutRows.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)]
    .map(([p]) => p)
    .filter((p) => !markGone.test(p))
    .map((p) =>
      p
        .replace(new RegExp(`<w:${gone} [^>]*>[\\s\\S]*?</w:${gone}>`, "g"), "")
        .replace(new RegExp(`</?w:${kept}(?: [^>]*)?>`, "g"), "")
        .replace(/<w:delText/g, "<w:t")
        .replace(/<\/w:delText>/g, "</w:t>"),
    )
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(""));
}

function plainParagraphs(xml: string): string[] {
  return resolved(xml, "accept");
}

async function check(after: RuleBundle) {
  const xml = await documentXml(renderRedlineDocx(base, after, { author: "Legal", date: DATE }));
  const [oldXml, newXml] = await Promise.all([
    documentXml(renderContractDocx(base)),
    documentXml(renderContractDocx(after)),
  ]);
  // accepting everything gives the new contract, rejecting everything the old one
  expect(resolved(xml, "accept")).toEqual(plainParagraphs(newXml));
  expect(resolved(xml, "reject")).toEqual(plainParagraphs(oldXml));
  return xml;
}

describe("the redline", () => {
  it("marks exactly the changed figures of a raised target", async () => {
    const xml = await check(
      bundleOf(
        edited(
          ["target at least 99.95% per calendar month", "target at least 99.99% per calendar month"],
          ["credit 5% of monthly fee when below 99.95%", "credit 5% of monthly fee when below 99.99%"],
        ),
      ),
    );
    expect(new Set(revisions(xml, "del"))).toContain("99.95%");
    expect(new Set(revisions(xml, "ins"))).toContain("99.99%");
    // every deleted piece is an old figure of the target or its budgets, never a whole sentence
    for (const text of [...revisions(xml, "del"), ...revisions(xml, "ins")]) expect(text.length).toBeLessThan(12);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Legal" w:date="2026-11-27T10:00:00Z">/);
  });

  it("marks the claim period's figure only, and no other paragraph", async () => {
    const xml = await check(bundleOf(edited(["claim within 45 days", "claim within 30 days"])));
    expect(revisions(xml, "del")).toEqual(["45"]);
    expect(revisions(xml, "ins")).toEqual(["30"]);
    const marked = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].filter(([p]) => /<w:(ins|del) /.test(p));
    expect(marked).toHaveLength(1);
  });

  it("a changed clause sentence marks the changed word", async () => {
    const xml = await check(
      bundleOf(edited(["negotiate in good faith any adjustment", "agree in good faith any adjustment"])),
    );
    expect(revisions(xml, "del")).toEqual(["negotiate"]);
    expect(revisions(xml, "ins")).toEqual(["agree"]);
  });

  it("a removed exclusion deletes its paragraphs, paragraph marks included", async () => {
    const xml = await check(bundleOf(edited(["  exclude force majeure\n", ""])));
    expect(revisions(xml, "del").join("")).toContain("outages caused by a Force Majeure Event.");
    expect(xml).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:del w:id="\d+"/s);
  });

  it("an added objective inserts its table row and its clauses", async () => {
    const xml = await check(
      bundleOf(
        edited([
          "objective BatchQuality",
          'objective Throughput "Batch throughput" {\n  metric BatchCompletion\n  target at most 2% per calendar month\n}\n\nobjective BatchQuality',
        ]),
      ),
    );
    expect(revisions(xml, "ins")).toContain("Batch throughput");
    expect(xml).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins w:id=/s);
    expect(revisions(xml, "del")).toEqual([]);
  });

  it("two equal contracts give a redline without revisions: the Word contract itself", async () => {
    const xml = await check(bundleOf(BASE));
    expect(xml).not.toMatch(/<w:(ins|del) /);
    // paragraph and table properties too (styles, numbering, widths, the signature rows' height)
    expect(xml).toBe(await documentXml(renderContractDocx(base)));
  });

  it("revision ids are unique", async () => {
    const xml = await check(
      bundleOf(
        edited(
          ["claim within 45 days", "claim within 30 days"],
          ["  exclude force majeure\n", ""],
          ["term 60 months", "term 48 months"],
        ),
      ),
    );
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(3);
  });
});

describe("the redline through LibreOffice", () => {
  const unavailable = ensureTools();
  it.skipIf(unavailable !== undefined)(
    "opens and prints to PDF with both the old and the new text",
    async () => {
      const work = mkdtempSync(join(tmpdir(), "sla-redline-"));
      try {
        const after = bundleOf(
          edited(["claim within 45 days", "claim within 30 days"], ["negotiate in good faith", "agree in good faith"]),
        );
        writeFileSync(join(work, "redline.docx"), await renderRedlineDocx(base, after, { date: DATE }));
        const convert = spawnSync(
          "soffice",
          ["--headless", `-env:UserInstallation=file://${work}/profile`, "--convert-to", "pdf", "redline.docx"],
          { cwd: work, encoding: "utf8", timeout: 240_000 },
        );
        expect(convert.status, convert.stderr).toBe(0);
        const text = spawnSync("pdftotext", ["-layout", "redline.pdf", "-"], {
          cwd: work,
          encoding: "utf8",
        }).stdout.replace(/\s+/g, " ");
        expect(text).toContain("IT Infrastructure Outsourcing Agreement");
        // tracked changes are shown: the deleted and the inserted word are both printed
        expect(text).toMatch(/negotiate ?agree in good faith/);
        const pictures = join(repoRoot, "test-results/diff");
        mkdirSync(pictures, { recursive: true });
        writeFileSync(join(pictures, "redline.pdf"), readFileSync(join(work, "redline.pdf")));
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    300_000,
  );
});

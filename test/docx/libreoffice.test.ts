/**
 * The Word contract opens cleanly: `sla build --format md,docx` (the bundle, as a user runs it)
 * for every example and for a contract with the widest tables, LibreOffice converts each .docx to
 * PDF, and the PDF's text holds every section and clause heading and every figure (percentages,
 * money amounts, durations) of the Markdown contract built in the same run. A word split inside a
 * table cell too narrow for it would break the figure or heading it is in. PNGs of the first two
 * pages are kept under test-results/docx/ for people to look at.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTools } from "./tools.ts";

const REPO = resolve(__dirname, "../..");
const SLA = join(REPO, "packages/cli/bin/sla.cjs");
const PICTURES = join(REPO, "test-results/docx");

const cases = [
  ...readdirSync(join(REPO, "examples"))
    .filter((name) => name.endsWith(".sla"))
    .sort()
    .map((name) => join(REPO, "examples", name)),
  join(__dirname, "fixtures/two-services.sla"),
].map((path) => ({ path, name: path.slice(path.lastIndexOf("/") + 1).replace(/\.sla$/, "") }));

let unavailable: string | undefined;
let work: string;
const pdfText = new Map<string, string>();
const markdown = new Map<string, string>();

/** `## 3. Services` → `Services`; `**4.2** **Service credits.** …` → `Service credits.` */
function headingsOf(md: string): string[] {
  const sections = [...md.matchAll(/^## (?:\d+\. )?(.+)$/gm)].map((m) => m[1]);
  const clauses = [...md.matchAll(/^\*\*\d+\.\d+\*\* \*\*(.+?)\*\* /gm)].map((m) => m[1]);
  return [...sections, ...clauses].map(unescapeMarkdown);
}

const UNIT = "(?:business |Business )?(?:milliseconds?|seconds?|minutes?|hours?|days?|Days?|weeks?|months?|years?)";
const FIGURE = new RegExp(
  [
    "\\d+(?:\\.\\d+)?%",
    "\\b[A-Z]{3} \\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?",
    `\\b\\d[\\d,]*(?:\\.\\d+)? ${UNIT}(?: \\d[\\d,]*(?:\\.\\d+)? ${UNIT})*`,
  ].join("|"),
  "g",
);

/** Every percentage, money amount and duration the Markdown contract states, once each. */
function figuresOf(md: string): string[] {
  return [...new Set([...unescapeMarkdown(md).matchAll(FIGURE)].map((m) => m[0]))];
}

function unescapeMarkdown(md: string): string {
  return md.replace(/\\(.)/g, "$1").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** PDF text as one line: ligatures undone, every run of whitespace (line and cell breaks) one space. */
function flatten(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ");
}

function run(command: string, args: string[], timeout: number) {
  const result = spawnSync(command, args, { encoding: "utf8", timeout, cwd: work });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.error?.message ?? result.status}):\n${result.stderr}`,
    );
  return result.stdout;
}

describe("the Word contract through LibreOffice", () => {
  beforeAll(() => {
    unavailable = ensureTools();
    if (unavailable) {
      console.warn(`skipping the LibreOffice round trip: ${unavailable}`);
      return;
    }
    work = mkdtempSync(join(tmpdir(), "sla-docx-"));
    for (const { path } of cases) {
      const build = spawnSync(process.execPath, [SLA, "build", path, "--out", work, "--format", "md,docx"], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(build.stderr).toBe("");
      expect(build.status).toBe(0);
    }
    const docs = cases.map(({ name }) => join(work, `${name}.docx`));
    // A fresh profile, so a user's LibreOffice settings (or a running instance) play no part.
    run(
      "soffice",
      [`-env:UserInstallation=file://${work}/profile`, "--headless", "--convert-to", "pdf", "--outdir", work, ...docs],
      300_000,
    );
    mkdirSync(PICTURES, { recursive: true });
    for (const { name } of cases) {
      const pdf = join(work, `${name}.pdf`);
      if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${name}.docx`);
      pdfText.set(name, flatten(run("pdftotext", [pdf, "-"], 60_000)));
      markdown.set(name, readFileSync(join(work, `${name}.md`), "utf8"));
      run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", pdf, join(PICTURES, name)], 60_000);
    }
  }, 1_200_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const { name } of cases) {
    it(`${name}: the PDF has every heading and figure of the Markdown contract`, (context) => {
      if (unavailable) context.skip(unavailable);
      const text = pdfText.get(name)!;
      const md = markdown.get(name)!;
      const headings = headingsOf(md);
      const figures = figuresOf(md);
      expect(headings.length).toBeGreaterThan(5);
      expect(figures.length).toBeGreaterThan(5);
      expect(headings.filter((h) => !text.includes(h))).toEqual([]);
      expect(figures.filter((f) => !text.includes(f))).toEqual([]);
      expect(text).toMatch(/Page 1 of \d+/);
    });

    it(`${name}: pictures of the first pages are kept`, (context) => {
      if (unavailable) context.skip(unavailable);
      const png = readdirSync(PICTURES).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"));
      expect(png.length).toBeGreaterThanOrEqual(1);
    });
  }

  it("reads headings and figures from Markdown", () => {
    const md =
      "## 4. Service Levels\n\n**4.2** **Service credits\\_.** If below 99.95%, 10% of USD 48,000.00 within 60 days; 4 minutes 1.92 seconds\n";
    expect(headingsOf(md)).toEqual(["Service Levels", "Service credits_."]);
    expect(figuresOf(md)).toEqual(["99.95%", "10%", "USD 48,000.00", "60 days", "4 minutes 1.92 seconds"]);
  });
});

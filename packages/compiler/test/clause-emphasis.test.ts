/**
 * Emphasis in clause text (issue 15, "Clause text keeps its structure"): `**bold**`, `*italic*`
 * and `_italic_` are kept, as Markdown emphasis and as bold and italic runs in Word; everything
 * else (links, images, code, HTML, delimiters that pair with nothing) is printed as written.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { paragraphs, part, unzip } from "../../../test/docx/zip.ts";
import { emphasised } from "../src/render/clause-text.ts";
import { plainLine, raw } from "../src/render/escape.ts";
import { spans } from "../src/render/inline.ts";
import { compileBundle, renderContract, renderContractDocx, renderRedlineDocx, type RuleBundle } from "../src/index.ts";
import { checkFile, checkSource, errorsOf, goldenDir } from "./helpers.ts";

const update = process.env.UPDATE_GOLDEN === "1";

function bundleOf(name: string): RuleBundle {
  const program = checkFile(join(import.meta.dirname, "fixtures/framing", `${name}.sla`));
  expect(errorsOf(program)).toEqual([]);
  return compileBundle(program);
}

function golden(file: string, actual: string) {
  const path = join(goldenDir, file);
  if (update) writeFileSync(path, actual);
  else if (!existsSync(path))
    throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run clause-emphasis`);
  else
    expect(actual, `${file} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(
      readFileSync(path, "utf8"),
    );
}

/** A paragraph's runs as `[text, "b" | "i" | "bi" | ""]`, adjacent runs of one style merged. */
function runs(paragraphXml: string): [string, string][] {
  const out: [string, string][] = [];
  for (const [r] of paragraphXml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)) {
    const text = [...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    if (text === "") continue;
    const style = `${/<w:b\/>/.test(r) ? "b" : ""}${/<w:i\/>/.test(r) ? "i" : ""}`;
    const last = out[out.length - 1];
    if (last && last[1] === style) last[0] += text;
    else out.push([text, style]);
  }
  return out;
}

describe("emphasis in clause text", () => {
  const bundle = bundleOf("emphasis");
  const markdown = renderContract(bundle);
  const section = markdown.slice(markdown.indexOf(". Notices\n"));

  it("matches its golden contract", () => {
    golden("framing-emphasis.md", markdown);
  });

  it("is written as Markdown emphasis", () => {
    expect(section).toContain("A notice is given **in writing** and takes effect *only* when it is _received_.");
    expect(section).toContain("(a) work the Customer asks for *in writing*; and\n\n(b) **beta** features.");
  });

  it("renders as strong and em, and as nothing else", () => {
    const html = new MarkdownIt({ html: false, linkify: true }).render(section);
    expect([...html.matchAll(/<(strong|em)>(.*?)<\/\1>/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual([
      "strong:7.1",
      "strong:in writing",
      "em:only",
      "em:received",
      "strong:7.2",
      "em:in writing",
      "strong:beta",
      "strong:7.3",
      "em:see [terms](http://x.example) &lt;i&gt;now&lt;/i&gt;",
    ]);
    for (const tag of ["<a ", "<img", "<code", "<b>", "<i>", "<ul", "<ol"]) expect(html, tag).not.toContain(tag);
  });

  it("is bold and italic runs in Word, the rest plain text as written", async () => {
    const xml = part(unzip(await renderContractDocx(bundle)), "word/document.xml");
    const all = paragraphs(xml);
    const at = (start: string) => {
      const p = all.find((q) => q.text.startsWith(start));
      expect(p, start).toBeDefined();
      return runs(p!.xml);
    };
    expect(at("A notice")).toEqual([
      ["A notice is given ", ""],
      ["in writing", "b"],
      [" and takes effect ", ""],
      ["only", "i"],
      [" when it is ", ""],
      ["received", "i"],
      [".", ""],
    ]);
    expect(at("work the Customer")).toEqual([
      ["work the Customer asks for ", ""],
      ["in writing", "i"],
      ["; and", ""],
    ]);
    expect(at("beta")).toEqual([
      ["beta", "b"],
      [" features.", ""],
    ]);
    expect(at("Left as written")).toEqual([
      [
        "Left as written: 5 * 3 * 2, snake_case_names, ***three***, [a link](http://x.example), ![an image](http://x.example/i.png), `code` and &lt;b&gt;HTML&lt;/b&gt;; inside emphasis too: ",
        "",
      ],
      ["see [terms](http://x.example) &lt;i&gt;now&lt;/i&gt;", "i"],
      [".", ""],
    ]);
  });
});

describe("emphasis in a redline", () => {
  it("marks a word that only gained emphasis as deleted plain and inserted italic", async () => {
    const source = readFileSync(join(import.meta.dirname, "fixtures/framing/emphasis.sla"), "utf8");
    const bundleFrom = (text: string) => {
      const program = checkSource({ "file:///emphasis.sla": text });
      expect(errorsOf(program)).toEqual([]);
      return compileBundle(program);
    };
    const before = bundleFrom(source.replace("takes effect *only* when", "takes effect only when"));
    const xml = part(unzip(await renderRedlineDocx(before, bundleFrom(source))), "word/document.xml");
    const deleted = [...xml.matchAll(/<w:del [\s\S]*?<\/w:del>/g)].map((m) => m[0]);
    const inserted = [...xml.matchAll(/<w:ins [\s\S]*?<\/w:ins>/g)].map((m) => m[0]);
    expect(deleted.map((d) => /<w:delText[^>]*>([^<]*)</.exec(d)?.[1])).toEqual(["only"]);
    expect(deleted[0]).not.toContain("<w:i/>");
    expect(inserted.map((d) => /<w:t[^>]*>([^<]*)</.exec(d)?.[1])).toEqual(["only"]);
    expect(inserted[0]).toContain("<w:i/>");
  });
});

describe("emphasised", () => {
  const cases: [string, string][] = [
    ["**bold** *italic* _italic_", "**bold** *italic* _italic_"],
    // side by side, each keeps its own mark: `*a**b*` would read as one run
    ["_a_*b*", "_a_*b*"],
    ["**a**_b_", "**a**_b_"],
    ["a*b*c", "a*b*c"],
    ["5 * 3 * 2", "5 \\* 3 \\* 2"],
    ["snake_case_name", "snake\\_case\\_name"],
    ["***x***", "\\*\\*\\*x\\*\\*\\*"],
    ["*a **b*", "*a \\*\\*b*"],
    ["**a *b* c**", "**a \\*b\\* c**"],
    ["*(a)*b", "\\*(a)\\*b"],
    ["*unclosed", "\\*unclosed"],
    ["* spaced *", "\\* spaced \\*"],
    ["_[x](http://y)_", "_\\[x\\](http\\:\\/\\/y)_"],
    ["*<b>x</b>*", "*&lt;b&gt;x&lt;/b&gt;*"],
    // a delimiter inside `://` stays text, as the text without emphasis would be escaped
    ["http:*//x.example*", "http:\\*//x.example\\*"],
    ["http:/*/x.example*", "http:/\\*/x.example\\*"],
    ["*see http:*//x.example", "\\*see http:\\*//x.example"],
  ];
  for (const [text, expected] of cases) {
    it(`writes ${JSON.stringify(text)} as ${JSON.stringify(expected)}, as CommonMark reads it`, () => {
      const written = emphasised(text).text;
      expect(written).toBe(expected);
      const html = new MarkdownIt().renderInline(written);
      const emphasis = (s: string) => [...s.matchAll(/<(strong|em)>/g)].length;
      expect(emphasis(html)).toBe([...expected.matchAll(/(?<!\\)(?:\*\*?|_)/g)].length / 2);
    });
  }
});

/** What a CommonMark reader makes of a line: its text in runs of one style, and any other markup it found. */
function commonMark(markdown: string): { runs: [string, boolean, boolean][]; other: string[] } {
  const runs: [string, boolean, boolean][] = [];
  const other: string[] = [];
  let bold = false;
  let italic = false;
  for (const token of new MarkdownIt().parseInline(markdown, {})[0].children ?? []) {
    if (token.type === "strong_open" || token.type === "strong_close") bold = token.type === "strong_open";
    else if (token.type === "em_open" || token.type === "em_close") italic = token.type === "em_open";
    else if (token.type === "text" || token.type === "text_special") {
      const last = runs[runs.length - 1];
      if (last && last[1] === bold && last[2] === italic) last[0] += token.content;
      else if (token.content !== "") runs.push([token.content, bold, italic]);
    } else other.push(token.type);
  }
  return { runs, other };
}

describe("emphasis in a long paragraph", () => {
  it("pairs in one pass: 100,000 openers that nothing closes are text", () => {
    const text = "*a ".repeat(100_000).trim();
    expect(emphasised(text).text).toBe(text.replaceAll("*", "\\*"));
  });
});

describe("emphasis, Markdown and Word", () => {
  const agree = (piece: fc.Arbitrary<string>, maxLength: number) =>
    fc.assert(
      fc.property(fc.array(piece, { maxLength }), (pieces) => {
        const text = plainLine(pieces.join(""));
        const written = emphasised(text).text;
        const read = commonMark(written);
        expect(read.other, written).toEqual([]);
        const word = spans(raw(written)).map((s): [string, boolean, boolean] => [s.text, s.bold, s.italic]);
        expect(word, written).toEqual(read.runs);
        expect(
          word
            .map((w) => w[0])
            .join("")
            .replace(/[*_]/g, ""),
        ).toBe(text.replace(/[*_]/g, ""));
      }),
      { numRuns: 3000 },
    );

  it("agree on texts dense with marks (side by side, nested, unpaired)", () => {
    agree(fc.constantFrom("a", " ", "*", "**", "_", ".", "\\"), 10);
  }, 30_000);

  it("agree on every text: the Word runs are what a CommonMark reader shows, and it shows no other markup", () => {
    const piece = fc.constantFrom(
      "a",
      "b",
      " ",
      "*",
      "**",
      "_",
      "(",
      ")",
      ":",
      "/",
      "<",
      ">",
      "[",
      "]",
      "\\",
      "`",
      ".",
      "&",
      "1.",
      "-",
    );
    agree(piece, 24);
  }, 30_000);
});

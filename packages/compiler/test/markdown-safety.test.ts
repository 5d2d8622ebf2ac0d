import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { compileBundle, escapeCell, escapeInline, escapeParagraphs, renderContract } from "../src/index.ts";
import { checkSource } from "./helpers.ts";

const EVIL =
  "<script>alert(1)</script> **bold** | pipes | [link](http://x) `code` ~~strike~~ &lt; <img src=x onerror=alert(1)> _em_ www.example.com \\\\ end";

const SOURCE = `
agreement Evil "${EVIL}" {
  version "${EVIL}"
  effective 2026-01-01
  timezone "UTC"
  currency GBP
  governing law "${EVIL}"
}
party P "# ${EVIL}" { role provider  address "${EVIL}"  contact "<mailto:x@y.z> ${EVIL}" }
party C "- ${EVIL}" { role customer }
calendar Cal "${EVIL}" { monday to friday 09:00 to 17:00 }
service S "1. ${EVIL}" {
  provider P
  customer C
  fee GBP 100 per month
  hours Cal
  exclude maintenance { notice 1 day  at most 1 hour per calendar month }
}
metric M "=== ${EVIL}" { service S  type availability  measured by "${EVIL}"  downtime "${EVIL}" }
metric L "+ ${EVIL}" { service S  type latency percentile 95  measured by "${EVIL}" }
objective O "| ${EVIL} |" { metric M  target at least 99% per calendar month }
objective Lat "${EVIL}" { metric L  target at most 200 milliseconds per calendar month }
objective Sup "${EVIL}" {
  service S
  severity 1 "| ${EVIL} |"
  response within 1 hour during Cal
  resolution within 2 hours during 24x7
  at least 90% of tickets per calendar month
}
remedy R "${EVIL}" {
  for O
  credit 10% of monthly fee when below 99%
  credit 20% of monthly fee when below 98%
  cap 30% of monthly fee per calendar month
  claim within 30 days
  sole remedy
}
remedy A "${EVIL}" { for O  action "${EVIL}" within 2 days }
remedy T "${EVIL}" { for O  terminate when breached 2 times within 6 months  notice 30 days }
incentive I "${EVIL}" { for O  bonus 1% of monthly fee when above 99.9% for 2 consecutive months }
reporting Rep "${EVIL}" { report O, Sup monthly within 5 days  review quarterly }
clause Cl "${EVIL}" {
  text """
    # heading ${EVIL}
    - list item
    1. numbered
    ---
    > quote

    <div onclick="x()">block html</div>
        indented code?
    ===
    +++ plus
  """
}
`;

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("user text cannot inject Markdown or HTML", () => {
  const program = checkSource({ "file:///evil.sla": SOURCE });
  const bundle = compileBundle(program);
  const markdown = renderContract(bundle);

  it("the fixture compiles with no errors", () => {
    expect(program.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  });

  for (const linkify of [false, true]) {
    it(`renders with markdown-it (html: false, linkify: ${linkify}) to no markup from the contract's strings`, () => {
      const rendered = new MarkdownIt({ html: false, linkify }).render(markdown);
      // Clause text keeps its emphasis, and only that: the one `**bold**` and `_em_` of its first line.
      expect(rendered.match(/<(strong|em)>(bold|em)<\/\1>/g)).toEqual(["<strong>bold</strong>", "<em>em</em>"]);
      const html = rendered.replace("<strong>bold</strong>", "**bold**").replace("<em>em</em>", "_em_");
      for (const tag of [
        "<script",
        "<img",
        "<a ",
        "<code",
        "<s>",
        "<em>",
        "<ul",
        "<ol",
        "<hr",
        "<blockquote",
        "<pre",
        "<div",
        "<h3",
      ]) {
        expect(html, tag).not.toContain(tag);
      }
      expect(html.match(/<h1>/g)?.length).toBe(1);
      expect(html).not.toMatch(/<strong>bold<\/strong>/);
      // Every table row has as many cells as its header.
      for (const tableHtml of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
        const header = (tableHtml.match(/<th[ >]/g) ?? []).length;
        for (const row of tableHtml.match(/<tr>\s*<td[\s\S]*?<\/tr>/g) ?? []) {
          expect((row.match(/<td[ >]/g) ?? []).length).toBe(header);
        }
      }
      // The strings come through as text, whole.
      const text = textOf(html);
      expect(text).toContain(
        "<script>alert(1)</script> **bold** | pipes | [link](http://x) `code` ~~strike~~ &lt; <img src=x onerror=alert(1)> _em_ www.example.com \\ end",
      );
      expect(text).toContain("| <script>alert(1)</script>");
      expect(text).toContain('<div onclick="x()">block html</div> indented code? === +++ plus');
      expect(text).toContain("# heading <script>");
    });
  }

  it("escapes a cell's pipes and line breaks, and keeps the text otherwise", () => {
    expect(escapeCell("a | b\nc")).toBe("a \\| b c");
    expect(escapeCell("")).toBe(" ");
    expect(escapeInline("- x")).toBe("\\- x");
    expect(escapeInline("-5 degrees")).toBe("-5 degrees");
    expect(escapeInline("2.1")).toBe("2.1");
    expect(escapeInline("1. x")).toBe("1\\. x");
    expect(escapeInline("Smith & Jones &amp;")).toBe("Smith & Jones &amp;amp;");
    expect(escapeInline("a\u0000b\u200bc")).toBe("abc");
    expect(escapeParagraphs("one\ntwo\n\n\nthree\n  \n")).toEqual(["one two", "three"]);
  });
});

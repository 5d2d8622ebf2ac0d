import { describe, expect, it } from "vitest";
import { escapeCell, escapeInline, escapeParagraphs, md, raw } from "../src/index.ts";

// The full renderer-level checks (markdown-it renders every escaped string as those characters) are
// in packages/compiler/test/markdown-safety.test.ts; these pin the package's own behaviour.
describe("inert Markdown from any text", () => {
  it("escapes markup, HTML and links, and keeps text on one line", () => {
    expect(escapeInline("**Gold** <b>tier</b>")).toBe("\\*\\*Gold\\*\\* &lt;b&gt;tier&lt;/b&gt;");
    expect(escapeInline("see https://example.com")).toBe("see https\\:\\/\\/example.com");
    expect(escapeInline("  a\n\tb  ")).toBe("a b");
    expect(escapeInline("- not a list")).toBe("\\- not a list");
    expect(escapeInline("1. not a list")).toBe("1\\. not a list");
  });

  it("never leaves a table cell empty, and splits a text block into escaped paragraphs", () => {
    expect(escapeCell("")).toBe(" ");
    expect(escapeCell("a|b")).toBe("a\\|b");
    expect(escapeParagraphs("one\r\ntwo\n\n\n*three*")).toEqual(["one two", "\\*three\\*"]);
  });

  it("escapes what a template interpolates, but not Markdown already made safe", () => {
    expect(md`**${"_x_"}** ${raw("*kept*")}`.text).toBe("**\\_x\\_** *kept*");
  });
});

/**
 * The definition's snippets (the VS Code extension's snippet file and the server's declaration
 * completions both come from them): one per declaration kind and `import`, each written in the
 * language, and each tab stop marked as naming a declaration sits where the language expects a
 * name of that kind.
 */
import { describe, expect, it } from "vitest";
import { referenceSites } from "../../src/check/references.ts";
import { DECLARATIONS } from "../../src/definition/index.ts";
import { allSnippets, SNIPPETS, vscodeSnippetFile } from "../../src/definition/snippets.ts";
import { DECLARATION_KEYWORDS, declarationsOf, parse } from "../../src/index.ts";

/** A snippet's text with every tab stop at its default (first choice), or at `marks[stop]`. */
function expand(body: readonly string[], marks: Record<number, string> = {}): string {
  let text = body.join("\n");
  const variables: Record<string, string> = { CURRENT_YEAR: "2026", CURRENT_MONTH: "03" };
  for (let i = 0; i < 10; i++) {
    const next = text
      .replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => variables[name] ?? "")
      .replace(/\$\{(\d+)\|([^,|}]*)[^}]*\|\}/g, (_, stop: string, first: string) => marks[+stop] ?? first)
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_, stop: string, value: string) => marks[+stop] ?? value)
      .replace(/\$\d+/g, "");
    if (next === text) break;
    text = next;
  }
  return text;
}

describe("snippets in the definition", () => {
  it("has one for every declaration kind and import, the main form prefixed by its keyword", () => {
    const keywords = ["import", ...DECLARATIONS.map((d) => d.kind)];
    expect(Object.keys(SNIPPETS).sort()).toEqual([...keywords].sort());
    expect([...DECLARATION_KEYWORDS].sort()).toEqual([...keywords].sort());
    for (const [keyword, [main, ...others]] of Object.entries(SNIPPETS)) {
      expect(main.prefix).toBe(keyword);
      for (const other of others) expect(other.prefix.startsWith(`${keyword} `), other.prefix).toBe(true);
    }
  });

  it("has distinct prefixes and titles, and a description for each", () => {
    const all = allSnippets().map((s) => s.snippet);
    expect(new Set(all.map((s) => s.prefix)).size).toBe(all.length);
    expect(new Set(all.map((s) => s.title)).size).toBe(all.length);
    for (const s of all) expect(s.description, s.title).toMatch(/^\w+: \S/);
  });

  it("writes the VS Code snippet file's entries from the same rows", () => {
    const file = vscodeSnippetFile();
    expect(Object.keys(file)).toEqual(allSnippets().map((s) => s.snippet.title));
    expect(file.Metric).toEqual({
      prefix: "metric",
      description: SNIPPETS.metric[0].description,
      body: [...SNIPPETS.metric[0].body],
    });
  });

  for (const { keyword, snippet } of allSnippets()) {
    it(`${snippet.title} expands to a ${keyword} that parses`, () => {
      const text = expand(snippet.body);
      expect(text).not.toMatch(/\$/);
      expect(text.startsWith(`${keyword} `)).toBe(true);
      const result = parse(text, "snippet.sla");
      expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    });

    it(`${snippet.title} marks exactly its name tab stops as names of their kind`, () => {
      const marks = Object.fromEntries(Object.keys(snippet.names ?? {}).map((stop) => [stop, `Named${stop}`]));
      const [declaration] = declarationsOf(parse(expand(snippet.body, marks), "snippet.sla").file);
      const sites = declaration ? referenceSites(declaration) : [];
      const marked = sites.filter((s) => s.identifier.text.startsWith("Named"));
      expect(marked.map((s) => [s.identifier.text, s.expected])).toEqual(
        Object.entries(snippet.names ?? {}).map(([stop, name]) => [`Named${stop}`, name.kind]),
      );
      // no unmarked tab stop names a declaration (`hours 24x7` names none)
      expect(sites.filter((s) => !s.identifier.text.startsWith("Named"))).toEqual([]);
    });
  }
});

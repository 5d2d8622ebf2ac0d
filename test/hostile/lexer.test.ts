/**
 * Tokens of many megabytes. The lexer matched strings with a regular expression that keeps one
 * backtracking entry per character: a string over about 8.5 MiB overflowed the stack
 * (`Maximum call stack size exceeded at Lexer.matchLength`), and in the editor the document got no
 * diagnostics and no colours. Strings, text blocks and comments are now scanned in one pass.
 */
import { describe, expect, it } from "vitest";
import { startTestServer } from "../../packages/language-server/test/harness.ts";
import { checkProgram, memoryHost, parse } from "../../packages/language/src/index.ts";

const MiB = 1024 * 1024;
const BIG = 10 * MiB + 17;
const filler = (length: number) => "abcdefghij".repeat(Math.ceil(length / 10)).slice(0, length);

/** An agreement whose version is `value`, followed by a second declaration with one error on line `errorLine`. */
function contract(value: string): { text: string; errorLine: number } {
  const head = `agreement A "A" {\n  version ${value}\n}\n`;
  const errorLine = head.split("\n").length + 2;
  return { text: `${head}\nparty P "P" {\n  role nobody\n}\n`, errorLine };
}

/** The longest string anywhere in an AST node: the decoded value of a literal. */
function longestString(node: unknown): string {
  if (typeof node === "string") return node;
  if (node === null || typeof node !== "object") return "";
  let longest = "";
  for (const value of Object.values(node)) {
    const candidate = longestString(value);
    if (candidate.length > longest.length) longest = candidate;
  }
  return longest;
}

/** Every message stays short whatever the size of the token it quotes. */
function expectShortMessages(messages: string[]): void {
  for (const message of messages) expect(message.length).toBeLessThan(300);
}

describe("tokens of more than 10 MiB", () => {
  it("a string is one token, its value decoded, and the rest of the file is still read", () => {
    const { text, errorLine } = contract(`"${filler(BIG)}"`);
    const result = parse(text);
    expect(result.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["SLA1005", errorLine]]);
    expect(result.tokens.find((t) => t.image.length > BIG)?.image.length).toBe(BIG + 2);
    const program = checkProgram("file:///a.sla", memoryHost({ "file:///a.sla": text }));
    expect(program.diagnostics.some((d) => d.range.start.line === errorLine)).toBe(true);
  });

  it("a string of escapes decodes to the characters they stand for", () => {
    const escapes = '\\n\\"\\\\'.repeat(Math.ceil(BIG / 6));
    const text = `clause C "C" {\n  text "${escapes}"\n}\n`;
    const program = checkProgram("file:///c.sla", memoryHost({ "file:///c.sla": text }));
    expect(program.diagnostics).toEqual([]);
    const value = longestString(program.files.get("file:///c.sla")?.parsed.file.items[0]);
    expect(value).toBe('\n"\\'.repeat(escapes.length / 6));
  });

  it("an unterminated string runs to the end of its line, with a short message", () => {
    const { text, errorLine } = contract(`"${filler(BIG)}`);
    const result = parse(text);
    const codes = result.diagnostics.map((d) => d.code);
    expect(codes).toContain("SLA1002");
    expect(result.diagnostics.some((d) => d.range.start.line === errorLine)).toBe(true);
    expectShortMessages(result.diagnostics.map((d) => d.message));
  });

  it("a text block, closed and unclosed", () => {
    const lines = Array.from({ length: BIG / 64 }, () => `    ${filler(59)}`).join("\n");
    const closed = parse(`clause C "C" {\n  text """\n${lines}\n  """\n}\nparty P "P" { role nobody }\n`);
    expect(closed.diagnostics.map((d) => d.code)).toEqual(["SLA1005"]);
    expect(closed.file.items).toHaveLength(2);

    const open = parse(`clause C "C" {\n  text """\n${lines}\n`);
    expect(open.diagnostics.map((d) => d.code)).toContain("SLA1003");
    expectShortMessages(open.diagnostics.map((d) => d.message));
  });

  it("block and line comments, closed and unclosed", () => {
    const body = filler(BIG);
    const block = parse(`/* ${body}\n${body} */\nparty P "P" { role nobody }\n`);
    expect(block.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["SLA1005", 3]]);
    expect(block.file.comments[0].text.length).toBe(2 * BIG + 7);

    const line = parse(`// ${body}\nparty P "P" { role nobody }\n`);
    expect(line.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["SLA1005", 2]]);

    const open = parse(`party P "P" { role provider }\n/* ${body}`);
    expect(open.diagnostics.map((d) => d.code)).toEqual(["SLA1004"]);
  });

  it("in the editor: diagnostics and colours for a document with a 10 MiB string", async () => {
    const server = await startTestServer({ checkWorkspace: false });
    try {
      const uri = "file:///big/contract.sla";
      const { text, errorLine } = contract(`"${filler(BIG)}"`);
      await server.open(uri, text);
      const published = await server.diagnostics(uri, (p) => p.version === 1, 60_000);
      expect(published.diagnostics.some((d) => d.range.start.line === errorLine - 1)).toBe(true);
      expectShortMessages(
        published.diagnostics.map((d) => (typeof d.message === "string" ? d.message : d.message.value)),
      );
      const colours = await server.request<{ data: number[] }>("textDocument/semanticTokens/full", {
        textDocument: { uri },
      });
      expect(colours.data.length).toBeGreaterThan(0);
    } finally {
      await server.dispose();
    }
  }, 90_000);
});

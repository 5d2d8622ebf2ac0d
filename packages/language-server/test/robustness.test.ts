import type { Hover } from "vscode-languageserver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTING, startTestServer, type TestServer } from "./harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ checkWorkspace: false });
});
afterAll(async () => {
  await server.dispose();
});

/** Every request the server answers, with params for a document and a position. */
function requests(uri: string, position: unknown): [string, unknown][] {
  const textDocument = { uri };
  const range = { start: position, end: position };
  const options = { tabSize: 2, insertSpaces: true };
  return [
    ["textDocument/completion", { textDocument, position }],
    ["textDocument/hover", { textDocument, position }],
    ["textDocument/definition", { textDocument, position }],
    ["textDocument/references", { textDocument, position, context: { includeDeclaration: true } }],
    ["textDocument/documentHighlight", { textDocument, position }],
    ["textDocument/prepareRename", { textDocument, position }],
    ["textDocument/rename", { textDocument, position, newName: "Other" }],
    ["textDocument/documentSymbol", { textDocument }],
    ["workspace/symbol", { query: "x" }],
    ["textDocument/foldingRange", { textDocument }],
    ["textDocument/documentLink", { textDocument }],
    ["textDocument/selectionRange", { textDocument, positions: [position] }],
    ["textDocument/formatting", { textDocument, options }],
    ["textDocument/rangeFormatting", { textDocument, range, options }],
    ["textDocument/semanticTokens/full", { textDocument }],
    ["textDocument/codeAction", { textDocument, range, context: { diagnostics: [] } }],
    ["textDocument/inlayHint", { textDocument, range }],
    ["sla/preview", { uri }],
  ];
}

/** Sends every request; a refusal (ResponseError) is an answer too. Returns how many failed otherwise. */
async function sendAll(uri: string, position: unknown): Promise<string[]> {
  const failures: string[] = [];
  for (const [method, params] of requests(uri, position)) {
    try {
      await server.request(method, params);
    } catch (error) {
      const message = (error as Error).message;
      if (!/is a word of the language|nothing to rename|cannot be renamed/.test(message))
        failures.push(`${method}: ${message}`);
    }
  }
  return failures;
}

const NOT_CONTRACTS = [
  "",
  "\u0000\u0001\u0002 binary \uffff",
  '{ "json": [1, 2, 3] }',
  "}}}} {{{{ objective objective objective",
  '"""',
  "/*",
  'party "',
  "😀".repeat(50),
  "import",
  "objective O { target at least 200% per calendar month }",
  "\r\n\r\n\r",
  '"a string first" party X { role provider }',
];

describe("robustness", () => {
  it("answers every request for positions outside the document", async () => {
    const uri = "file:///robust/hosting.sla";
    await server.open(uri, HOSTING);
    for (const position of [
      { line: 10_000, character: 0 },
      { line: 3, character: 10_000 },
      { line: -1, character: -7 },
      { line: 1.5, character: Number.NaN },
    ]) {
      expect(await sendAll(uri, position)).toEqual([]);
    }
    expect(server.logs.filter((l) => l.includes("failed"))).toEqual([]);
  });

  it("answers every request for an unknown document with nothing", async () => {
    for (const uri of [
      "file:///robust/never-opened.sla",
      "untitled:Untitled-9",
      "not a uri at all",
      "https://example.com/x.sla",
    ]) {
      expect(await sendAll(uri, { line: 0, character: 0 })).toEqual([]);
      expect(
        await server.request<Hover | null>("textDocument/hover", {
          textDocument: { uri },
          position: { line: 0, character: 0 },
        }),
      ).toBeNull();
    }
    expect(server.logs.filter((l) => l.includes("failed"))).toEqual([]);
  });

  it("answers every request, at every offset, for text that is not a contract", async () => {
    let n = 0;
    for (const text of NOT_CONTRACTS) {
      const uri = `file:///robust/junk-${n++}.sla`;
      await server.open(uri, text);
      await server.diagnostics(uri, (p) => p.version === 1);
      const lines = text.split(/\r\n|\r|\n/);
      for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character <= lines[line].length; character += 3) {
          expect(await sendAll(uri, { line, character })).toEqual([]);
        }
      }
    }
    expect(server.logs.filter((l) => l.includes("failed"))).toEqual([]);
  });

  it("survives malformed params, logging what failed", async () => {
    for (const [method] of requests("file:///robust/x.sla", { line: 0, character: 0 })) {
      await server.request(method, {}).catch(() => undefined);
      await server.request(method, null).catch(() => undefined);
    }
    await server.client.sendNotification("textDocument/didChange", { textDocument: {}, contentChanges: [] });
    await server.client.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: 7, type: 9 }] });
    // still serving
    const uri = "file:///robust/after.sla";
    await server.open(uri, HOSTING);
    const { diagnostics } = await server.diagnostics(uri, (p) => p.version === 1);
    expect(diagnostics).toEqual([]);
  });
});

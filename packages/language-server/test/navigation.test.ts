import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type {
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Location,
  LocationLink,
  SelectionRange,
  SymbolInformation,
  WorkspaceEdit,
} from "vscode-languageserver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { positionOf, startTestServer, type TestServer, temporaryFolder } from "./harness.ts";

const PARTIES = `// the parties, shared by every contract
party Acme "Acme Hosting Ltd." { role provider }
party Globex "Globex plc" { role customer }
`;

const MAIN = `import "parties.sla"

agreement Main "Main agreement" {
  effective 2026-01-01
  timezone "Europe/London"
  currency GBP
}

/* Business hours
   of the provider */
calendar Office "Office hours" {
  monday to friday 09:00 to 17:00
}

service Hosting "Hosting" {
  provider Acme
  customer Globex
  fee GBP 1,000.00 per month
  hours Office
  exclude maintenance {
    notice 5 days
    at most 4 hours per calendar month
  }
}

metric Availability "Uptime" {
  service Hosting
  type availability
}

objective Uptime "Availability" {
  metric Availability
  target at least 99.9% per calendar month
  response within 1 hour during Office
}

// credits
// and more credits
remedy Credits "Credits" {
  for Uptime
  credit 10% of monthly fee when below 99.9%
}

clause Notes "Notes" {
  text """
    Two lines
    of prose.
  """
}
`;

const OTHER = `import "parties.sla"

service Backup "Backup" {
  provider Acme
  customer Globex
}
`;

let server: TestServer;
let folder: ReturnType<typeof temporaryFolder>;
let parties: string;
let main: string;
let other: string;

beforeAll(async () => {
  folder = temporaryFolder();
  writeFileSync(join(folder.path, "parties.sla"), PARTIES);
  writeFileSync(join(folder.path, "main.sla"), MAIN);
  writeFileSync(join(folder.path, "other.sla"), OTHER);
  parties = `${folder.uri}parties.sla`;
  main = `${folder.uri}main.sla`;
  other = `${folder.uri}other.sla`;
  server = await startTestServer({ folders: [folder.uri] });
  await server.open(main, MAIN);
  await server.diagnostics(main, (p) => p.version === 1);
});
afterAll(async () => {
  await server.dispose();
  folder.remove();
});

const at = (uri: string, position: { line: number; character: number }) => ({ textDocument: { uri }, position });

describe("definition", () => {
  it("goes from a reference to its declaration, in another file too", async () => {
    const [local] = await server.request<LocationLink[]>(
      "textDocument/definition",
      at(main, positionOf(MAIN, "hours Office", 8)),
    );
    expect(local.targetUri).toBe(main);
    expect(local.targetSelectionRange.start).toEqual(positionOf(MAIN, "Office", 0));
    const [remote] = await server.request<LocationLink[]>(
      "textDocument/definition",
      at(main, positionOf(MAIN, "provider Acme", 10)),
    );
    expect(remote.targetUri).toBe(parties);
    expect(remote.targetSelectionRange.start).toEqual(positionOf(PARTIES, "Acme", 0));
    expect(remote.originSelectionRange?.start).toEqual(positionOf(MAIN, "Acme"));
  });

  it("opens an imported file from its path, and finds nothing on a keyword", async () => {
    const [link] = await server.request<LocationLink[]>(
      "textDocument/definition",
      at(main, positionOf(MAIN, "parties.sla", 2)),
    );
    expect(link.targetUri).toBe(parties);
    expect(await server.request("textDocument/definition", at(main, positionOf(MAIN, "monday")))).toBeNull();
  });
});

describe("references and highlights", () => {
  it("finds every use of a name across the files that share it", async () => {
    const locations = await server.request<Location[]>("textDocument/references", {
      ...at(main, positionOf(MAIN, "customer Globex", 10)),
      context: { includeDeclaration: true },
    });
    const found = locations.map((l) => `${l.uri.slice(folder.uri.length)}:${l.range.start.line}`).sort();
    expect(found).toEqual(["main.sla:16", "other.sla:4", "parties.sla:2"]);
    const withoutDeclaration = await server.request<Location[]>("textDocument/references", {
      ...at(parties, positionOf(PARTIES, "Globex")),
      context: { includeDeclaration: false },
    });
    expect(withoutDeclaration).toHaveLength(2);
  });

  it("highlights the declaration and its uses in the document", async () => {
    const highlights = await server.request<DocumentHighlight[]>(
      "textDocument/documentHighlight",
      at(main, positionOf(MAIN, "calendar Office", 10)),
    );
    expect(highlights.map((h) => [h.range.start.line, h.kind])).toEqual([
      [10, 3],
      [18, 2],
      [33, 2],
    ]);
  });
});

describe("rename", () => {
  it("prepares a rename on a name, and refuses keywords and unknown names with a reason", async () => {
    const prepared = await server.request<{ range: unknown; placeholder: string }>(
      "textDocument/prepareRename",
      at(main, positionOf(MAIN, "metric Availability\n  target", 8)),
    );
    expect(prepared.placeholder).toBe("Availability");
    await expect(server.request("textDocument/prepareRename", at(main, positionOf(MAIN, "monday", 2)))).rejects.toThrow(
      "'monday' is a word of the language",
    );
    const unknown = "file:///virtual/unknown.sla";
    await server.open(unknown, "objective O { metric Missing }\n");
    await expect(server.request("textDocument/prepareRename", at(unknown, { line: 0, character: 23 }))).rejects.toThrow(
      "No metric named 'Missing' is declared",
    );
    expect(await server.request("textDocument/prepareRename", at(main, positionOf(MAIN, "{")))).toBeNull();
  });

  it("renames a declaration and every reference, across files", async () => {
    const edit = await server.request<WorkspaceEdit>("textDocument/rename", {
      ...at(main, positionOf(MAIN, "provider Acme", 10)),
      newName: "AcmeCorp",
    });
    const changes = edit.changes!;
    expect(Object.keys(changes).sort()).toEqual([main, other, parties].sort());
    expect(changes[parties].map((e) => e.range.start)).toEqual([positionOf(PARTIES, "Acme ")]);
    expect(changes[main].every((e) => e.newText === "AcmeCorp")).toBe(true);
  });

  it("refuses a new name that is a keyword, not a name, or already declared", async () => {
    const params = at(main, positionOf(MAIN, "objective Uptime", 11));
    await expect(server.request("textDocument/rename", { ...params, newName: "service" })).rejects.toThrow(
      "is a word of the language",
    );
    await expect(server.request("textDocument/rename", { ...params, newName: "2fast" })).rejects.toThrow(
      "not a valid name",
    );
    await expect(server.request("textDocument/rename", { ...params, newName: "Hosting" })).rejects.toThrow(
      "'Hosting' is already declared as a service",
    );
  });
});

describe("symbols", () => {
  it("outlines the document by declaration, properties as children", async () => {
    const symbols = await server.request<DocumentSymbol[]>("textDocument/documentSymbol", {
      textDocument: { uri: main },
    });
    expect(symbols.map((s) => s.name)).toEqual([
      'import "parties.sla"',
      "Main",
      "Office",
      "Hosting",
      "Availability",
      "Uptime",
      "Credits",
      "Notes",
    ]);
    const hosting = symbols.find((s) => s.name === "Hosting")!;
    expect(hosting.detail).toBe("service · Hosting");
    expect(hosting.children?.map((c) => c.name)).toEqual(["provider", "customer", "fee", "hours", "exclude"]);
    expect(hosting.children?.[2].detail).toBe("GBP 1,000.00 per month");
    expect(hosting.children?.[4].children?.map((c) => c.name)).toEqual(["notice", "allowance"]);
  });

  it("finds declarations of the whole workspace by fuzzy name", async () => {
    const all = await server.request<SymbolInformation[]>("workspace/symbol", { query: "" });
    expect(all.map((s) => s.name)).toEqual(expect.arrayContaining(["Acme", "Globex", "Backup", "Hosting", "Uptime"]));
    const fuzzy = await server.request<SymbolInformation[]>("workspace/symbol", { query: "avlty" });
    expect(fuzzy.map((s) => s.name)).toEqual(["Availability"]);
    const prefix = await server.request<SymbolInformation[]>("workspace/symbol", { query: "ba" });
    expect(prefix[0].name).toBe("Backup");
    expect(prefix[0].location.uri).toBe(other);
  });
});

describe("folding, links and selection", () => {
  it("folds blocks, text blocks, comments and imports", async () => {
    const ranges = await server.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri: main } });
    const shown = ranges.map((r) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ""}`);
    expect(shown).toEqual(
      // blocks keep their closing brace visible; a single import does not fold
      ["2-5", "8-9 comment", "10-11", "14-22", "19-21", "25-27", "30-33", "36-37 comment", "38-40", "43-47", "44-46"],
    );
  });

  it("links each import to its file", async () => {
    const links = await server.request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri: main } });
    expect(links).toHaveLength(1);
    expect(links[0].target).toBe(parties);
    expect(links[0].range).toEqual({ start: { line: 0, character: 8 }, end: { line: 0, character: 19 } });
  });

  it("grows a selection from a word to its property, block and declaration", async () => {
    const [range] = await server.request<SelectionRange[]>("textDocument/selectionRange", {
      textDocument: { uri: main },
      positions: [positionOf(MAIN, "4 hours", 1)],
    });
    const chain: string[] = [];
    for (let r: SelectionRange | undefined = range; r; r = r.parent)
      chain.push(`${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`);
    // duration → property → maintenance exclusion → service body → service → file
    expect(chain).toEqual(["21:12-21:19", "21:4-21:38", "19:2-22:3", "14:26-23:1", "14:0-23:1", "0:0-49:0"]);
  });
});

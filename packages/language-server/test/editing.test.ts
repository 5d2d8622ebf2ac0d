import { readFileSync } from "node:fs";
import { format } from "@sla/language";
import type { CodeAction, FoldingRange, SemanticTokens, TextEdit } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEMANTIC_TOKENS_LEGEND } from "../src/features/semantic-tokens.ts";
import { HOSTING, positionOf, startTestServer, type TestServer } from "./harness.ts";

const TIER_ABOVE_TARGET = readFileSync(
  new URL("../../../../shared/spec/conformance/tier-above-target.sla", import.meta.url),
  "utf8",
);

let server: TestServer;
let count = 0;
beforeAll(async () => {
  server = await startTestServer({ checkWorkspace: false });
});
afterAll(async () => {
  await server.dispose();
});

async function openNew(text: string): Promise<string> {
  const uri = `file:///editing/${++count}.sla`;
  await server.open(uri, text);
  return uri;
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x.sla", "sla", 1, text), edits);
}

const MESSY = `party   Acme "Acme" {
role provider
      address "1 High Street"
}
party Globex "Globex" { role    customer }


service Hosting "Hosting" { provider Acme
  customer    Globex }
`;

describe("formatting", () => {
  it("formats the whole document as `sla fmt` does, with an edit limited to the changed lines", async () => {
    const uri = await openNew(MESSY);
    const edits = await server.request<TextEdit[]>("textDocument/formatting", {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(edits).toHaveLength(1);
    expect(apply(MESSY, edits)).toBe(format(MESSY).text);
    expect(edits[0].range.start).toEqual({ line: 0, character: 0 });
  });

  it("formats only the declarations a range touches", async () => {
    const uri = await openNew(MESSY);
    const edits = await server.request<TextEdit[]>("textDocument/rangeFormatting", {
      textDocument: { uri },
      range: { start: { line: 8, character: 3 }, end: { line: 8, character: 5 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    const result = apply(MESSY, edits);
    expect(result).toContain('service Hosting "Hosting" {\n  provider Acme\n  customer Globex\n}');
    // the parties are left as they were
    expect(result).toContain("party   Acme");
    expect(result).toContain("{ role    customer }");
  });

  it("leaves a file with syntax errors alone, and a formatted one too", async () => {
    const broken = await openNew("party Acme { role }\n  party   B { role provider }");
    expect(
      await server.request("textDocument/formatting", {
        textDocument: { uri: broken },
        options: { tabSize: 2, insertSpaces: true },
      }),
    ).toEqual([]);
    const clean = await openNew(format(MESSY).text);
    expect(
      await server.request("textDocument/formatting", {
        textDocument: { uri: clean },
        options: { tabSize: 2, insertSpaces: true },
      }),
    ).toEqual([]);
  });
});

describe("semantic tokens", () => {
  it("colours declarations and references by kind, keywords, literals, strings and comments", async () => {
    const text = `// parties\nparty Acme "Acme" { role provider }\nservice S {\n  provider Acme\n  fee GBP 1,000 per month\n  hours 24x7\n}\n/* a\n b */\n`;
    const uri = await openNew(text);
    const { data } = await server.request<SemanticTokens>("textDocument/semanticTokens/full", {
      textDocument: { uri },
    });
    const types = SEMANTIC_TOKENS_LEGEND.tokenTypes;
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      const word = text.split("\n")[line].slice(character, character + data[i + 2]);
      decoded.push(`${word}:${types[data[i + 3]]}${data[i + 4] ? ":declaration" : ""}`);
    }
    expect(decoded).toEqual([
      "// parties:comment",
      "party:keyword",
      "Acme:class:declaration",
      '"Acme":string',
      "role:keyword",
      "provider:keyword",
      "service:keyword",
      "S:struct:declaration",
      "provider:keyword",
      "Acme:class",
      "fee:keyword",
      "GBP 1,000:number",
      "per:keyword",
      "month:keyword",
      "hours:keyword",
      "24x7:enumMember",
      "/* a:comment",
      " b */:comment",
    ]);
  });
});

describe("code actions", () => {
  it("offers the checker's fix for an unknown name, and to create the missing declaration", async () => {
    const text = HOSTING.replace("metric Availability\n  target", "metric Availabilty\n  target").replace(
      "for Uptime\n  credit 10%",
      "for Uptim\n  credit 10%",
    );
    const uri = await openNew(text);
    const range = { start: positionOf(text, "Availabilty"), end: positionOf(text, "Availabilty") };
    const actions = await server.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range,
      context: { diagnostics: [] },
    });
    expect(actions.map((a) => a.title)).toEqual([
      "Change to 'Availability'",
      "Create a metric 'Availabilty' at the end of the file",
    ]);
    expect(actions[0].isPreferred).toBe(true);
    const fixed = apply(text, actions[0].edit!.changes![uri]);
    expect(fixed).toContain("metric Availability\n  target");
    const created = apply(text, actions[1].edit!.changes![uri]);
    expect(created.endsWith('\nmetric Availabilty "Availabilty" {\n  service Hosting\n  type availability\n}\n')).toBe(
      true,
    );

    const objective = await server.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: positionOf(text, "Uptim\n"), end: positionOf(text, "Uptim\n") },
      context: { diagnostics: [] },
    });
    const create = objective.find((a) => a.title.startsWith("Create"))!;
    expect(create.title).toBe("Create an objective 'Uptim' at the end of the file");
    expect(apply(text, create.edit!.changes![uri])).toContain(
      'objective Uptim "Uptim" {\n  metric Availability\n  target at least 99.9% per calendar month\n}\n',
    );
  });

  it("offers the fixes of structure and tier diagnostics", async () => {
    const duplicated = HOSTING.replace('  version "2.1"\n', '  version "2.1"\n  version "2.2"\n');
    const uri = await openNew(duplicated);
    const at = positionOf(duplicated, 'version "2.2"');
    const actions = await server.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: at, end: at },
      context: { diagnostics: [], only: ["quickfix"] },
    });
    expect(actions.map((a) => a.title)).toEqual(["Remove the second 'version'"]);
    expect(apply(duplicated, actions[0].edit!.changes![uri])).toBe(HOSTING);

    // a single tier that pays while the target is met: the fix moves it to the target
    const single = TIER_ABOVE_TARGET.replace("  credit 10% of monthly fee when below 99.9%\n", "");
    const tiers = await openNew(single);
    const tier = positionOf(single, "99.99%");
    const tierActions = await server.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri: tiers },
      range: { start: tier, end: tier },
      context: { diagnostics: [] },
    });
    expect(tierActions.map((a) => a.title)).toEqual(["Start this tier at the target: 'below 99.9%'"]);
    expect(tierActions[0].diagnostics?.[0].code).toBe("SLA5003");
    expect(apply(single, tierActions[0].edit!.changes![tiers])).toContain(
      "credit 5% of monthly fee when below 99.9%\n",
    );
  });

  it("offers nothing when only other kinds of action are asked for", async () => {
    const uri = await openNew("objective O { metric Missing }\n");
    const actions = await server.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 0, character: 22 }, end: { line: 0, character: 22 } },
      context: { diagnostics: [], only: ["refactor"] },
    });
    expect(actions).toEqual([]);
  });
});

describe("folding imports", () => {
  it("folds a run of imports", async () => {
    const uri = await openNew('import "a.sla"\nimport "b.sla"\nimport "c.sla"\n\nparty P { role provider }\n');
    const ranges = await server.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } });
    expect(ranges).toEqual([{ startLine: 0, endLine: 2, kind: "imports" }]);
  });
});

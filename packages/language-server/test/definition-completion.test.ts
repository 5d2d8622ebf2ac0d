/**
 * Completion reads what may come next off the grammar, which is generated from the language's
 * definition: every property the definition lets a declaration hold is offered in its body, with
 * the property's hover text beside it.
 */
import { DECLARATIONS, PROPERTIES, PROPERTY_DOCS } from "@sla/language";
import type { CompletionItem, CompletionList } from "vscode-languageserver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VALUE_GRAMMARS } from "../../language/src/definition/index.ts";
import type { Element } from "../../language/src/definition/shape.ts";
import { marked, startTestServer, type TestServer } from "./harness.ts";

let server: TestServer;
let count = 0;
beforeAll(async () => {
  server = await startTestServer({ checkWorkspace: false });
});
afterAll(async () => {
  await server.dispose();
});

async function complete(source: string): Promise<CompletionItem[]> {
  const { text, position } = marked(source);
  const uri = `file:///definition-completion/${++count}.sla`;
  await server.open(uri, text);
  const list = await server.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position });
  return list.items;
}

/** The word a property starts with, through the shared values it may start with (`at least …`). */
function firstWord(elements: readonly Element[]): string {
  const first = elements[0];
  if (first.kind === "keyword") return first.word;
  if (first.kind === "value" || first.kind === "list") {
    return firstWord((VALUE_GRAMMARS as unknown as Record<string, readonly Element[]>)[first.value]);
  }
  if (first.kind === "choice") return firstWord(first.alternatives[0]);
  throw new Error(`a property starting with a ${first.kind}`);
}

type Row = (typeof PROPERTIES)[number];

describe("completion from the definition", () => {
  for (const declaration of DECLARATIONS) {
    it(`offers every property a ${declaration.kind} may hold`, async () => {
      const items = await complete(`${declaration.kind} Example {\n  <|>\n}\n`);
      const firstWords = new Set(items.map((i) => String(i.label).split(" ")[0]));
      for (const rule of declaration.properties) {
        const row = PROPERTIES.find((p) => p.rule === rule) as Row;
        expect(firstWords, `${declaration.kind}: ${rule}`).toContain(firstWord(row.syntax as readonly Element[]));
        for (const kind of Object.keys(row.kinds)) expect(PROPERTY_DOCS[kind]?.syntax, kind).toBeTruthy();
      }
    });
  }

  it("offers a service its contact", async () => {
    const items = await complete(`service Example {\n  <|>\n}\n`);
    const contact = items.find((i) => i.label === "contact");
    expect(contact?.detail).toBe(PROPERTY_DOCS.contact.syntax);
  });
});

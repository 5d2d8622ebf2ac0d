/**
 * extension/snippets/sla.json is generated from the language's definition (SNIPPETS in
 * packages/language/src/definition/snippets.ts), the same table the language server's declaration
 * completions come from. Regenerate it with `UPDATE_SNIPPETS=1 npx vitest run extension/test/snippets.test.ts`
 * (then `npx biome format --write extension/snippets/sla.json`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { vscodeSnippetFile } from "@sla/language";
import { describe, expect, it } from "vitest";

const file = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "snippets", "sla.json");

describe("the extension's snippet file", () => {
  it("is the definition's snippets, in the definition's order", () => {
    const wanted = vscodeSnippetFile();
    if (process.env.UPDATE_SNIPPETS) writeFileSync(file, `${JSON.stringify(wanted, null, 2)}\n`);
    const written = JSON.parse(readFileSync(file, "utf8"));
    expect(written, "extension/snippets/sla.json is stale: see this test's header").toEqual(wanted);
    expect(Object.keys(written)).toEqual(Object.keys(wanted));
  });
});

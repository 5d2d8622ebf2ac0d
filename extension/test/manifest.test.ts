/**
 * The extension's manifest (package.json contributions), its snippets and its command wiring.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DECLARATION_KEYWORDS, parse } from "@sla/language";
import { describe, expect, it } from "vitest";

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8"));
const snippets: Record<string, { prefix: string; body: string[]; description: string }> = JSON.parse(
  readFileSync(join(extensionDir, "snippets", "sla.json"), "utf8"),
);
const sources = ["extension.ts", "preview.ts"]
  .map((f) => readFileSync(join(extensionDir, "src", f), "utf8"))
  .join("\n");

/** A snippet's text with every placeholder at its default (first choice; tab stops empty). */
function expandSnippet(body: string[]): string {
  let text = body.join("\n");
  const variables: Record<string, string> = { CURRENT_YEAR: "2026", CURRENT_MONTH: "03" };
  for (let i = 0; i < 10; i++) {
    const next = text
      .replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => variables[name] ?? "")
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, "$1")
      .replace(/\$\{\d+:([^${}]*)\}/g, "$1")
      .replace(/\$\d+/g, "");
    if (next === text) break;
    text = next;
  }
  return text;
}

describe("commands", () => {
  const commands: { command: string; title: string; category: string }[] = manifest.contributes.commands;
  const titles = commands.map((c) => `${c.category}: ${c.title}`);

  it("contributes the three commands with their palette titles", () => {
    expect(titles).toEqual(
      expect.arrayContaining(["SLA: Open Contract Preview", "SLA: Build Rule Bundle", "SLA: Restart Language Server"]),
    );
  });

  it("registers every contributed command, and contributes every registered one", () => {
    const registered = [...sources.matchAll(/registerCommand\(\s*"([^"]+)"/g)].map((m) => m[1]).sort();
    expect(registered).toEqual(commands.map((c) => c.command).sort());
  });
});

describe("settings", () => {
  const properties = manifest.contributes.configuration.properties;
  it("has the server trace setting that vscode-languageclient reads (client id sla)", () => {
    expect(properties["sla.trace.server"].enum).toEqual(["off", "messages", "verbose"]);
    expect(sources).toMatch(/new LanguageClient\(LANGUAGE_ID,/);
    expect(sources).toMatch(/const LANGUAGE_ID = "sla"/);
  });
  it("has format on save, read by the client", () => {
    expect(properties["sla.format.onSave"].type).toBe("boolean");
    expect(sources).toMatch(/getConfiguration\("sla\.format"[^)]*\)\.get<boolean>\("onSave"/);
  });
});

describe("language", () => {
  it("maps .sla to the grammar and configuration", () => {
    const [language] = manifest.contributes.languages;
    expect(language.id).toBe("sla");
    expect(language.extensions).toEqual([".sla"]);
    expect(manifest.contributes.grammars[0]).toMatchObject({ language: "sla", scopeName: "source.sla" });
    expect(manifest.activationEvents).toContain("onLanguage:sla");
  });
});

describe("snippets", () => {
  it("offer every declaration kind and import", () => {
    const first = new Set(Object.values(snippets).map((s) => s.body[0].split(/\s/)[0]));
    for (const kind of DECLARATION_KEYWORDS) expect(first, kind).toContain(kind);
  });

  it("have distinct prefixes and a description", () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const [name, s] of Object.entries(snippets)) expect(s.description, name).not.toBe("");
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${name} expands to text that parses`, () => {
      const text = expandSnippet(snippet.body);
      expect(text).not.toMatch(/\$/);
      const syntaxErrors = parse(text, "snippet.sla").diagnostics.filter((d) => d.severity === "error");
      expect(syntaxErrors.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    });
  }
});

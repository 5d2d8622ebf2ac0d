/** The third-party notices of the shipped bundles: every bundled package named, with its licence text. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error a plain ES module of the build, without declarations
import { thirdPartyNotices } from "../../scripts/third-party-notices.mjs";
import { REPO } from "./npm.ts";

describe("third-party notices", () => {
  it("name Chevrotain and its Apache-2.0 licence beside the language server bundle the extension ships", () => {
    const dist = join(REPO, "packages/language-server/dist");
    const notices = readFileSync(join(dist, "THIRD-PARTY-NOTICES.txt"), "utf8");
    expect(notices).toMatch(/^chevrotain \d+\.\d+\.\d+ \(Apache-2\.0\)$/m);
    expect(notices).toContain("Apache License\n                           Version 2.0, January 2004");
    expect(notices).toMatch(/^vscode-languageserver \S+ \(MIT\)$/m);
    expect(readFileSync(join(dist, "server.cjs"), "utf8")).toContain("server.cjs.LEGAL.txt");
  });

  it("refuse a bundled package that ships no licence file rather than leave it out", () => {
    const root = mkdtempSync(join(tmpdir(), "sla-notices-"));
    try {
      const folder = join(root, "node_modules", "unlicensed");
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        join(folder, "package.json"),
        JSON.stringify({ name: "unlicensed", version: "1.0.0", license: "MIT" }),
      );
      writeFileSync(join(folder, "index.js"), "module.exports = 1;\n");
      const metafile = { inputs: { [join(folder, "index.js")]: {} } };
      expect(() => thirdPartyNotices("The test bundle", metafile)).toThrow(
        "unlicensed is bundled into The test bundle but ships no licence file",
      );
      writeFileSync(join(folder, "LICENSE"), "the licence text\n");
      expect(thirdPartyNotices("The test bundle", metafile)).toContain(
        "unlicensed 1.0.0 (MIT)\n\n" + "-".repeat(72) + "\n\nthe licence text",
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

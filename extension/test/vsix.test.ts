/**
 * Packages the extension as `npm run package` does (into a temporary folder, with no flag that
 * bypasses vsce's checks for the Marketplace) and checks what the .vsix holds: exactly the client,
 * the bundled server and CLI with their licence notices, the grammar, the language configuration,
 * the bundle schema, the snippets, the walkthrough, the manifest, README, changelog, licence and
 * images — no node_modules, sources, maps or logs.
 * Needs the build (`node scripts/build.mjs`, which `npm test` runs first).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(extensionDir, "..");

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** The entries of a zip file, from its central directory (no zip64, which a .vsix never needs). */
function zipEntries(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry at ${offset}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString("utf8", offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zipRead(zip: Buffer, entry: ZipEntry): Buffer {
  const local = entry.localHeaderOffset;
  if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`unsupported compression method ${entry.method} for ${entry.name}`);
}

const ALLOWED = [
  "[Content_Types].xml",
  "extension.vsixmanifest",
  "extension/package.json",
  "extension/readme.md",
  "extension/changelog.md",
  "extension/LICENSE.txt",
  "extension/images/icon.png",
  "extension/images/screenshot.png",
  "extension/images/sla-file-light.svg",
  "extension/images/sla-file-dark.svg",
  "extension/dist/extension.js",
  "extension/dist/extension.js.LEGAL.txt",
  "extension/dist/language-configuration.json",
  "extension/dist/syntaxes/sla.tmLanguage.json",
  "extension/dist/sla-rules.schema.json",
  "extension/server/server.cjs",
  "extension/server/server.cjs.LEGAL.txt",
  "extension/server/sla.cjs",
  "extension/server/sla.cjs.LEGAL.txt",
  "extension/server/THIRD-PARTY-NOTICES.txt",
  "extension/snippets/sla.json",
  "extension/media/walkthrough/new-contract.md",
  "extension/media/walkthrough/check.md",
  "extension/media/walkthrough/preview.md",
  "extension/media/walkthrough/build.md",
];

describe("the packaged .vsix", () => {
  let workDir: string;
  let zip: Buffer;
  let entries: ZipEntry[];
  const read = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    if (!entry) throw new Error(`${name} is not in the .vsix`);
    return zipRead(zip, entry);
  };

  beforeAll(() => {
    for (const built of ["dist/extension.js", "server/server.cjs"]) {
      if (!existsSync(join(extensionDir, built))) {
        throw new Error(`extension/${built} is missing: run the build first (node scripts/build.mjs)`);
      }
    }
    workDir = mkdtempSync(join(tmpdir(), "sla-vsix-"));
    const out = join(workDir, "sla-vscode.vsix");
    const result = spawnSync(
      process.execPath,
      [join(extensionDir, "scripts", "package.mjs"), "--skip-build", "--out", out],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    if (result.status !== 0) throw new Error(`packaging failed:\n${result.stdout}\n${result.stderr}`);
    zip = readFileSync(out);
    entries = zipEntries(zip);
  }, 120_000);

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("is packaged without the flags that skip vsce's repository and licence checks", () => {
    const script = readFileSync(join(extensionDir, "scripts", "package.mjs"), "utf8");
    expect(script).not.toMatch(/--allow-missing-repository|--skip-license|--baseImagesUrl/);
  });

  it("holds exactly the allowed files", () => {
    expect(entries.map((e) => e.name).sort()).toEqual([...ALLOWED].sort());
  });

  it("holds no node_modules, sources, maps or logs", () => {
    const bad = entries.filter((e) => /node_modules|\/src\/|\.ts$|\.map$|\.log$|\.vsix$|\/test\//.test(e.name));
    expect(bad.map((e) => e.name)).toEqual([]);
  });

  it("holds every file its manifest names", () => {
    const manifest = JSON.parse(read("extension/package.json").toString("utf8"));
    const { contributes } = manifest;
    const named = [
      manifest.main,
      manifest.icon,
      ...contributes.languages.flatMap((l: { configuration: string; icon: { light: string; dark: string } }) => [
        l.configuration,
        l.icon.light,
        l.icon.dark,
      ]),
      ...contributes.grammars.map((g: { path: string }) => g.path),
      ...contributes.snippets.map((s: { path: string }) => s.path),
      ...contributes.jsonValidation.map((v: { url: string }) => v.url),
      ...contributes.walkthroughs.flatMap((w: { steps: { media: { markdown?: string; image?: string } }[] }) =>
        w.steps.map((step) => step.media.markdown ?? step.media.image),
      ),
    ];
    for (const path of named) {
      const name = `extension/${path.replace(/^\.\//, "")}`;
      expect(
        entries.some((e) => e.name === name || e.name === `${name}.js`),
        name,
      ).toBe(true);
    }
  });

  it("has a README whose images are files of the package, linked by relative paths", () => {
    const readme = read("extension/readme.md").toString("utf8");
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image, image).not.toMatch(/^[a-z]+:/);
      expect(
        entries.some((e) => e.name === `extension/${image}`),
        image,
      ).toBe(true);
    }
  });

  it("holds the current grammar, configuration, schema and bundles", () => {
    expect(read("extension/dist/sla-rules.schema.json").toString("utf8")).toBe(
      readFileSync(join(repoRoot, "packages", "bundle", "schema", "sla-rules.schema.json"), "utf8"),
    );
    expect(
      read("extension/server/sla.cjs").equals(readFileSync(join(repoRoot, "packages", "cli", "dist", "sla.cjs"))),
    ).toBe(true);
    expect(read("extension/dist/syntaxes/sla.tmLanguage.json").toString("utf8")).toBe(
      readFileSync(join(repoRoot, "grammar", "sla.tmLanguage.json"), "utf8"),
    );
    expect(read("extension/dist/language-configuration.json").toString("utf8")).toBe(
      readFileSync(join(repoRoot, "grammar", "language-configuration.json"), "utf8"),
    );
    const serverBundle = join(repoRoot, "packages", "language-server", "dist", "server.cjs");
    expect(read("extension/server/server.cjs").equals(readFileSync(serverBundle))).toBe(true);
  });

  it("bundles need nothing but Node's built-in modules (and vscode, for the client)", () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const [name, allowed] of [
      ["extension/dist/extension.js", new Set(["vscode"])],
      ["extension/server/server.cjs", new Set<string>()],
      ["extension/server/sla.cjs", new Set<string>()],
    ] as const) {
      const code = read(name).toString("utf8");
      // (not the text of generated code that a library keeps in a string, as ajv does: `require("ajv/…")`)
      const required = [...code.matchAll(/(?<!['"`])\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
      const foreign = required.filter((m) => !builtins.has(m) && !allowed.has(m));
      expect(foreign, name).toEqual([]);
    }
  });
});

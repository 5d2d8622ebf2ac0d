/**
 * Property (issue 19, fault 2): whatever an import's path is made of (`#`, `?`, `%` escapes, `..`,
 * `file:` prefixes, backslashes, names of special files), loading a program never reads anything
 * but a regular file whose name ends in `.sla`, never shows a secret, and always ends. Checked with
 * the hosts that ship: the CLI's and the language server's. `npm run fuzz` runs it 20,000 times.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nodeHost } from "../../packages/cli/src/files.ts";
import { checkProgram, type SourceHost } from "../../packages/language/src/index.ts";
import { Workspace } from "../../packages/language-server/src/workspace/workspace.ts";
import { scratch } from "./cli.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SECRET = "TOPSECRET-fuzzed-import";

function tree(): string {
  const dir = scratch();
  mkdirSync(join(dir, "c/dir.sla"), { recursive: true });
  for (const name of ["secret", "secret.txt", "secret.sla.txt", "secret#", "secret?"])
    writeFileSync(join(dir, name), `${SECRET}\n`);
  for (const name of ["a.sla", "odd#.sla", "q?.sla", "pct%41.sla", "dir.sla/inner.sla"])
    writeFileSync(join(dir, "c", name), `party P${name.replace(/\W/g, "")} { role provider }\n`);
  execFileSync("mkfifo", [join(dir, "c/fifo.sla")]);
  symlinkSync("/dev/zero", join(dir, "c/zero.sla"));
  return dir;
}

const segment = fc.constantFrom(
  "..",
  ".",
  "",
  "c",
  "secret",
  "secret.txt",
  "a.sla",
  "dir.sla",
  "fifo.sla",
  "zero.sla",
  "odd#.sla",
  "q?.sla",
  "pct%41.sla",
  "#",
  "?",
  "%",
  "%23",
  "%3F",
  "%2e",
  "%2F",
  "%00",
  "%2esla",
  ".sla",
  "#.sla",
  "?.sla",
  "?x=.sla",
  "etc",
  "passwd",
  "dev",
);
const separator = fc.constantFrom("/", "/", "", "\\");
const prefix = (dir: string) =>
  fc.constantFrom("", "", "/", "./", "file:", "file://", "file:///", `${dir}/`, `${pathToFileURL(dir).href}/`);

/** Import paths with every piece of trickery, as a `.sla` string literal would carry them. */
const importPath = (dir: string) =>
  fc
    .tuple(
      prefix(dir),
      fc.array(fc.tuple(segment, separator), { minLength: 1, maxLength: 6 }),
      fc.constantFrom("", ".sla", "#.sla", "?.sla"),
    )
    .map(([start, parts, end]) => start + parts.map(([s, sep]) => s + sep).join("") + end);

const literal = (path: string) => `"${path.replace(/\\/g, "\\\\")}"`;

/** Records every read that returned text. */
function recording(host: SourceHost, reads: string[]): SourceHost {
  return {
    ...host,
    readFile(uri) {
      const text = host.readFile(uri);
      if (text !== undefined) reads.push(uri);
      return text;
    },
  };
}

function assertOnlyContractsRead(root: string, reads: string[], texts: string[], messages: string[]): void {
  for (const uri of reads) {
    if (uri === root) continue;
    const path = fileURLToPath(uri);
    expect(path).toMatch(/\.sla$/i);
    expect(statSync(path).isFile(), path).toBe(true);
  }
  for (const text of [...texts, ...messages]) expect(text).not.toContain(SECRET);
}

describe("import paths (property)", () => {
  const dir = tree();
  const root = pathToFileURL(join(dir, "c/main.sla")).href;

  it("the CLI's host reads only regular .sla files", () => {
    fc.assert(
      fc.property(fc.array(importPath(dir), { minLength: 1, maxLength: 4 }), (paths) => {
        const text = paths.map((path) => `import ${literal(path)}\n`).join("");
        const reads: string[] = [];
        const host = recording(nodeHost(new Map([[root, text]])), reads);
        const program = checkProgram(root, host);
        assertOnlyContractsRead(
          root,
          reads,
          [...program.files.values()].map((file) => file.text),
          program.diagnostics.map((d) => d.message),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("the language server's host reads only regular .sla files", () => {
    fc.assert(
      fc.property(fc.array(importPath(dir), { minLength: 1, maxLength: 4 }), (paths) => {
        const workspace = new Workspace();
        workspace.open(root, 1, paths.map((path) => `import ${literal(path)}\n`).join(""));
        const reads: string[] = [];
        const program = checkProgram(root, recording(workspace.host, reads));
        assertOnlyContractsRead(
          root,
          reads,
          [...program.files.values()].map((file) => file.text),
          program.diagnostics.map((d) => d.message),
        );
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * How `sla` starts (packages/cli/bin/sla.cjs, main.ts): the bundle is compiled from the code cache
 * the build made when V8 takes it, and from its text otherwise, with the same behaviour; a command
 * named first is the only one loaded, and is the same command `sla help` describes.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, type Run, scratch, sla } from "./run.ts";

const LAUNCHER = join(REPO, "packages/cli/bin/sla.cjs");
const DIST = join(REPO, "packages/cli/dist");
const CONTRACT = join(REPO, "examples/cloud-hosting.sla");

/** Runs a copy of the launcher and the bundle in `root` (bin/ and dist/, as npm installs them). */
function slaIn(root: string, args: string[]): Run {
  const result = spawnSync(process.execPath, [join(root, "bin/sla.cjs"), ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "1" },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const copies: string[] = [];
afterAll(() => {
  for (const root of copies) rmSync(root, { recursive: true, force: true });
});

/** A copy of the built CLI; `cache` is what its dist/sla.cjs.cache holds, or undefined for none. */
function installed(bundle: Buffer, cache: Buffer | undefined): string {
  const root = scratch();
  copies.push(root);
  mkdirSync(join(root, "bin"));
  mkdirSync(join(root, "dist"));
  copyFileSync(LAUNCHER, join(root, "bin/sla.cjs"));
  writeFileSync(join(root, "dist/sla.cjs"), bundle);
  if (cache) writeFileSync(join(root, "dist/sla.cjs.cache"), cache);
  return root;
}

/** What the launcher makes of the bundle and cache in `root`, asked in a plain `node` as a user runs it. */
function cacheState(root: string): { found: boolean; rejected: boolean } {
  const script = `const l = require(${JSON.stringify(join(root, "bin/sla.cjs"))});
const bundle = l.readBundle();
const found = bundle.cachedData !== undefined;
console.log(JSON.stringify({ found, rejected: found && l.compileBundle(bundle).cachedDataRejected }));`;
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
}

const RUNS = [
  ["--version"],
  ["--help"],
  ["check", CONTRACT],
  ["check", "--format", "json", CONTRACT],
  ["explain", "SLA1001"],
];

describe("start-up", () => {
  // one copy of the build, so that a rebuild during the run cannot mix two
  const bundle = readFileSync(join(DIST, "sla.cjs"));
  const cache = readFileSync(join(DIST, "sla.cjs.cache"));
  const built = installed(bundle, cache);
  const expected = RUNS.map((args) => slaIn(built, args));

  it("the build's code cache is taken by the Node that built it", () => {
    expect(cacheState(built)).toEqual({ found: true, rejected: false });
  });

  it.each([
    ["no cache", undefined, { found: false, rejected: false }],
    [
      "a cache V8 refuses",
      Buffer.concat([cache.subarray(0, 32), Buffer.alloc(cache.length - 32, 7)]),
      { found: true, rejected: true },
    ],
    ["a truncated cache", cache.subarray(0, 40), { found: true, rejected: true }],
  ])("with %s, every command behaves as with the cache, and nothing is said about it", (_, bad, state) => {
    const root = installed(bundle, bad);
    expect(cacheState(root)).toEqual(state);
    for (const [i, args] of RUNS.entries()) expect(slaIn(root, args), args.join(" ")).toEqual(expected[i]);
  });

  it("ignores a cache made from another bundle of the same length (V8 would run the old code)", () => {
    // "0.1.0" → "9.9.9" keeps the length, which is all V8 compares; the cache is the old bundle's
    const version = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version as string;
    const other = version.replace(/\d/g, "9");
    expect(other).not.toBe(version);
    const root = installed(Buffer.from(bundle.toString("utf8").replaceAll(`"${version}"`, `"${other}"`)), cache);
    expect(cacheState(root).found).toBe(false);
    expect(slaIn(root, ["--version"]).stdout.trim()).toBe(other);
  });

  it("a command named first is loaded alone and is the command `sla help` lists and describes", () => {
    const listed = sla(["--help"])
      .stdout.split("Commands:\n")[1]
      .split("\n\n")[0]
      .split("\n")
      .flatMap((line) => /^ {2}(\S+)/.exec(line)?.[1] ?? [])
      .filter((name) => name !== "help");
    expect(listed).toEqual([
      "check",
      "fmt",
      "build",
      "diff",
      "evaluate",
      "export",
      "import",
      "explain",
      "init",
      "schema",
      "lsp",
    ]);
    for (const name of listed) {
      // `sla help NAME` registers every command; `sla NAME --help` only NAME
      const full = sla(["help", name]);
      expect(full.code, name).toBe(0);
      expect(sla([name, "--help"]), name).toEqual(full);
    }
  });

  it("--version first prints the version whatever follows, as commander does with every command loaded", () => {
    const version = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version as string;
    for (const args of [
      ["--version"],
      ["-v"],
      ["-v", "--help"],
      ["--version", "check", "missing.sla"],
      ["-v", "bogus"],
    ])
      expect(sla(args), args.join(" ")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("a misspelt command still gets commander's suggestion from the full list", () => {
    const run = sla(["chek", "x.sla"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("(Did you mean check?)");
  });
});

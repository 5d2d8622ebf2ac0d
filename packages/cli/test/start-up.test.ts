/**
 * How `sla` starts (packages/cli/bin/sla.cjs, program.ts): `sla check` runs the check bundle, all
 * else the full one, and the check bundle's `sla check` is the full one's; a bundle is compiled from
 * the code cache the build made when V8 takes it and the cache is the bundle's (by its stamp), and
 * from its text otherwise, with the same behaviour; a command named first is the only one loaded,
 * and is the same command `sla help` describes.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, type Run, scratch, sla } from "./run.ts";

const LAUNCHER = join(REPO, "packages/cli/bin/sla.cjs");
const DIST = join(REPO, "packages/cli/dist");
const CONTRACT = join(REPO, "examples/cloud-hosting.sla");
const launcher = createRequire(import.meta.url)(LAUNCHER) as { stamped(text: string): string };

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

const BUNDLES = ["sla.cjs", "sla-check.cjs"] as const;
type BundleName = (typeof BUNDLES)[number];
/** What a copy's dist/ holds: each bundle, and its code cache or none. */
type Dist = Partial<Record<BundleName, { bundle: Buffer; cache?: Buffer }>>;

/** A copy of the built CLI (bin/ and dist/, as npm installs them). */
function installed(dist: Dist): string {
  const root = scratch();
  copies.push(root);
  mkdirSync(join(root, "bin"));
  mkdirSync(join(root, "dist"));
  copyFileSync(LAUNCHER, join(root, "bin/sla.cjs"));
  for (const [name, { bundle, cache } = { bundle: Buffer.alloc(0) }] of Object.entries(dist)) {
    writeFileSync(join(root, "dist", name), bundle);
    if (cache) writeFileSync(join(root, "dist", `${name}.cache`), cache);
  }
  return root;
}

/** What the launcher makes of a bundle and its cache in `root`, asked in a plain `node` as a user runs it. */
function cacheState(root: string, name: BundleName = "sla.cjs"): { found: boolean; rejected: boolean } {
  const path = join(root, "dist", name);
  const script = `const l = require(${JSON.stringify(join(root, "bin/sla.cjs"))});
const bundle = l.readBundle(${JSON.stringify(path)});
const found = bundle.cachedData !== undefined;
console.log(JSON.stringify({ found, rejected: found && l.compileBundle(bundle, ${JSON.stringify(path)}).cachedDataRejected }));`;
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
}

/** The bundle the launcher in `root` starts for `args`. */
function bundleRun(root: string, args: string[]): string {
  const script = `const l = require(${JSON.stringify(join(root, "bin/sla.cjs"))});
console.log(l.readBundleFor(${JSON.stringify(["node", "sla", ...args])}).path);`;
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return result.stdout.trim().slice(join(root, "dist").length + 1);
}

/** `bundle` as a rebuild would make it: `edit` applied to the text (keeping its length), stamped anew. */
function rebuilt(bundle: Buffer, edit: (text: string) => string): Buffer {
  const text = bundle.toString("latin1");
  const unstamped = text.slice(0, text.lastIndexOf("\n//"));
  const edited = edit(unstamped);
  expect(edited.length).toBe(unstamped.length);
  expect(edited).not.toBe(unstamped);
  return Buffer.from(launcher.stamped(edited), "latin1");
}

const RUNS = [
  ["--version"],
  ["--help"],
  ["check", CONTRACT],
  ["check", "--format", "json", CONTRACT],
  ["check", "--format", "sarif", CONTRACT],
  ["check", "--help"],
  ["check", "--bogus", CONTRACT],
  ["check", join(REPO, "missing.sla")],
  ["explain", "SLA1001"],
];

describe("start-up", () => {
  // one copy of the build, so that a rebuild during the run cannot mix two
  const built: Dist = Object.fromEntries(
    BUNDLES.map((name) => [
      name,
      { bundle: readFileSync(join(DIST, name)), cache: readFileSync(join(DIST, `${name}.cache`)) },
    ]),
  );
  const full = built["sla.cjs"]!;
  const check = built["sla-check.cjs"]!;
  const root = installed(built);
  const expected = RUNS.map((args) => slaIn(root, args));

  it("`sla check` starts the check bundle, everything else the full one", () => {
    expect(bundleRun(root, ["check", CONTRACT])).toBe("sla-check.cjs");
    expect(bundleRun(root, ["check"])).toBe("sla-check.cjs");
    for (const args of [[], ["--help"], ["help", "check"], ["fmt", CONTRACT], ["chek"], ["--version", "check"]])
      expect(bundleRun(root, args), args.join(" ")).toBe("sla.cjs");
  });

  it("without the check bundle, `sla check` runs the full one, with the same results", () => {
    const fullOnly = installed({ "sla.cjs": full });
    expect(bundleRun(fullOnly, ["check", CONTRACT])).toBe("sla.cjs");
    for (const [i, args] of RUNS.entries()) expect(slaIn(fullOnly, args), args.join(" ")).toEqual(expected[i]);
    expect(expected[2]).toEqual({ code: 0, stdout: "0 errors, 0 warnings in 1 file\n", stderr: "" });
  });

  it("`sla check` loads no Node module beyond those a script writing to stdout loads, but vm and process", () => {
    const loadedBy = (script: string) => {
      const result = spawnSync(
        process.execPath,
        ["-e", `process.on("exit", () => process._rawDebug(JSON.stringify(process.moduleLoadList)));\n${script}`],
        { encoding: "utf8" },
      );
      const modules = (JSON.parse(result.stderr) as string[]).filter(
        (entry) => entry.startsWith("NativeModule ") && !entry.startsWith("NativeModule internal/"),
      );
      return { stdout: result.stdout, modules: new Set(modules.map((entry) => entry.slice("NativeModule ".length))) };
    };
    const baseline = loadedBy(`process.stdout.write("x\\n");`);
    const check = loadedBy(`process.argv = [process.argv[0], "sla", "check", ${JSON.stringify(CONTRACT)}];
const l = require(${JSON.stringify(join(root, "bin/sla.cjs"))});
const { path, bundle } = l.readBundleFor(process.argv);
l.runBundle(l.compileBundle(bundle, path), path);`);
    expect(check.stdout).toBe("0 errors, 0 warnings in 1 file\n");
    // commander requires child_process, which the build makes lazy (scripts/build.mjs); the commands
    // that use the modules made lazy are tested with the bundle: diff (child_process, for git),
    // export sql (crypto), lsp (stream), evaluate --engine duckdb (os)
    expect([...check.modules].filter((name) => !baseline.modules.has(name)).sort()).toEqual(["process", "vm"]);
  });

  it("the build's code caches are taken by the Node that built them", () => {
    for (const name of BUNDLES) expect(cacheState(root, name), name).toEqual({ found: true, rejected: false });
  });

  it("the bundles are ASCII (one byte a character for V8), and what the build escaped still reaches the output", () => {
    for (const name of BUNDLES)
      expect(
        built[name]!.bundle.every((byte) => byte < 0x80),
        name,
      ).toBe(true);
    const out = scratch();
    copies.push(out);
    expect(slaIn(root, ["build", CONTRACT, "--out", out, "--quiet"]).code).toBe(0);
    const markdown = readFileSync(join(out, readdirSync(out).find((file) => file.endsWith(".md"))!), "utf8");
    // written in the renderer's tagged templates, which esbuild leaves unescaped
    expect(markdown).toContain("(Scheduled Time \u2212 Downtime) \u00f7 Scheduled Time \u00d7 100");
  });

  it.each([
    ["no cache", () => undefined, { found: false, rejected: false }],
    [
      "a cache V8 refuses",
      (cache: Buffer) => Buffer.concat([cache.subarray(0, 64), Buffer.alloc(cache.length - 64, 7)]),
      { found: true, rejected: true },
    ],
    ["a truncated cache", (cache: Buffer) => cache.subarray(0, 72), { found: true, rejected: true }],
    [
      "another build's cache",
      (_: Buffer, name: BundleName) => built[name === "sla.cjs" ? "sla-check.cjs" : "sla.cjs"]!.cache,
      { found: false, rejected: false },
    ],
  ])("with %s, every command behaves as with the cache, and nothing is said about it", (_, bad, state) => {
    const copy = installed({
      "sla.cjs": { bundle: full.bundle, cache: bad(full.cache!, "sla.cjs") },
      "sla-check.cjs": { bundle: check.bundle, cache: bad(check.cache!, "sla-check.cjs") },
    });
    for (const name of BUNDLES) expect(cacheState(copy, name), name).toEqual(state);
    for (const [i, args] of RUNS.entries()) expect(slaIn(copy, args), args.join(" ")).toEqual(expected[i]);
  });

  it("ignores the cache of the previous build after a rebuild that keeps the bundle's length (V8 would run the old code)", () => {
    // "0.1.0" → "9.9.9" keeps the length, which is all V8 compares; the cache is the old bundle's
    const version = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version as string;
    const other = version.replace(/\d/g, "9");
    expect(other).not.toBe(version);
    const edit = (text: string) => text.replaceAll(`"${version}"`, `"${other}"`);
    const copy = installed({
      "sla.cjs": { bundle: rebuilt(full.bundle, edit), cache: full.cache },
      "sla-check.cjs": { bundle: rebuilt(check.bundle, edit), cache: check.cache },
    });
    for (const name of BUNDLES) expect(cacheState(copy, name), name).toEqual({ found: false, rejected: false });
    expect(slaIn(copy, ["--version"]).stdout.trim()).toBe(other);
    const sarif = JSON.parse(slaIn(copy, ["check", "--format", "sarif", CONTRACT]).stdout);
    expect(sarif.runs[0].tool.driver.version).toBe(other);
  });

  it("ignores the cache beside a bundle without the build's stamp (bundled by hand)", () => {
    const text = full.bundle.toString("latin1");
    const copy = installed({
      "sla.cjs": { bundle: Buffer.from(text.slice(0, text.lastIndexOf("\n//")), "latin1"), cache: full.cache },
    });
    expect(cacheState(copy)).toEqual({ found: false, rejected: false });
    expect(slaIn(copy, ["check", CONTRACT])).toEqual(expected[2]);
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

/**
 * The CLI as a user gets it: `npm pack` of packages/cli, installed globally into an empty prefix
 * with npm offline and a cold cache. Nothing but the tarball may be installed, and the `sla` it
 * puts on PATH must check, build, evaluate and serve the language server protocol.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bareSystemPath, isolatedEnv, REPO, run } from "./npm.ts";

const CONFORMANCE = join(REPO, "../shared/spec/conformance");
const version = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version as string;

let root: string;
let prefix: string;
let packed: { filename: string; files: { path: string }[] };
let work: string;
let userEnv: NodeJS.ProcessEnv;

/** `sla` found on PATH as a user would: the prefix's bin first, then only Node and the system. */
function sla(args: string[]) {
  return run("sla", args, { cwd: work, env: userEnv });
}

describe("npm install -g of the packed CLI", { timeout: 240_000 }, () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "sla-global-install-"));
    const npmEnv = isolatedEnv(join(root, "home"));
    const output = run("npm", ["pack", "-w", "packages/cli", "--pack-destination", root, "--json"], {
      cwd: REPO,
      env: npmEnv,
    });
    [packed] = JSON.parse(output);
    prefix = join(root, "prefix");
    run("npm", ["install", "-g", join(root, packed.filename), "--prefix", prefix, "--offline", "--ignore-scripts"], {
      cwd: root,
      env: npmEnv,
    });
    work = join(root, "work");
    userEnv = { ...isolatedEnv(join(root, "user")), PATH: bareSystemPath(join(prefix, "bin")), NO_COLOR: "1" };
    mkdirSync(work);
  }, 240_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("packs the launcher, the bundles with their code caches, the licences and the README, and nothing else", () => {
    expect(packed.files.map((file) => file.path).sort()).toEqual([
      "LICENSE",
      "README.md",
      "bin/sla.cjs",
      "dist/THIRD-PARTY-NOTICES.txt",
      "dist/sla-check.cjs",
      "dist/sla-check.cjs.LEGAL.txt",
      "dist/sla-check.cjs.cache",
      "dist/sla.cjs",
      "dist/sla.cjs.LEGAL.txt",
      "dist/sla.cjs.cache",
      "package.json",
    ]);
  });

  it("installs the one package: no dependency is fetched or placed beside it", () => {
    const installed = join(prefix, "lib", "node_modules");
    expect(readdirSync(installed)).toEqual(["@sla"]);
    expect(readdirSync(join(installed, "@sla"))).toEqual(["cli"]);
    expect(existsSync(join(installed, "@sla", "cli", "node_modules"))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(installed, "@sla", "cli", "package.json"), "utf8"));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
  });

  it("runs `sla --version` from PATH", () => {
    expect(sla(["--version"]).trim()).toBe(version);
  });

  it("starts from the code cache it ships, which the Node that built it takes", () => {
    const launcher = join(prefix, "lib", "node_modules", "@sla", "cli", "bin", "sla.cjs");
    const ask = `const l = require(${JSON.stringify(launcher)}); const b = l.readBundle();
console.log(b.cachedData !== undefined && !l.compileBundle(b).cachedDataRejected);`;
    expect(run(process.execPath, ["-e", ask], { cwd: work, env: userEnv }).trim()).toBe("true");
  });

  it("checks and builds a contract", () => {
    copyFileSync(join(CONFORMANCE, "hosting.sla"), join(work, "hosting.sla"));
    sla(["check", "hosting.sla"]);
    sla(["build", "hosting.sla"]);
    const bundle = JSON.parse(readFileSync(join(work, "hosting.rules.json"), "utf8"));
    expect(bundle.format).toBe("sla-rules/1");
    expect(readFileSync(join(work, "hosting.md"), "utf8")).toMatch(/^# Managed Hosting Service Level Agreement/);
  });

  it("reports a broken contract with its place and a non-zero exit", () => {
    copyFileSync(join(CONFORMANCE, "wrong-kind.sla"), join(work, "wrong-kind.sla"));
    expect(() => sla(["check", "wrong-kind.sla"])).toThrow(/exited 1[\s\S]*wrong-kind\.sla:\d+:\d+/);
  });

  it("evaluates events against the contract, as the conformance case expects", () => {
    const events = join(CONFORMANCE, "evaluation", "hosting-2026-03.ndjson");
    const report = JSON.parse(
      sla([
        "evaluate",
        join(CONFORMANCE, "hosting.sla"),
        "--events",
        events,
        "--period",
        "2026-03",
        "--format",
        "json",
      ]),
    );
    const expected = JSON.parse(readFileSync(join(CONFORMANCE, "evaluation", "hosting-2026-03.case.json"), "utf8"));
    const reports = Array.isArray(report) ? report : [report];
    const uptime = reports[0].objectives.find((o: { name: string }) => o.name === "Uptime");
    expect(uptime).toMatchObject(expected.expect.objectives[0]);
  });

  it("answers an LSP initialize request over stdio and exits on request", async () => {
    const child = spawn("sla", ["lsp", "--stdio"], { cwd: work, env: userEnv, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.listen();
    try {
      const result = (await connection.sendRequest("initialize", {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
      })) as { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
      expect(result.capabilities).toHaveProperty("hoverProvider");
      expect(result.capabilities).toHaveProperty("completionProvider");
      await connection.sendRequest("shutdown");
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      await connection.sendNotification("exit");
      expect(await exited, stderr).toBe(0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it("ships the third-party licences: Chevrotain's Apache-2.0 text, and the bundle's linked legal comments", () => {
    const dist = join(prefix, "lib", "node_modules", "@sla", "cli", "dist");
    const notices = readFileSync(join(dist, "THIRD-PARTY-NOTICES.txt"), "utf8");
    expect(notices).toMatch(/^chevrotain \d+\.\d+\.\d+ \(Apache-2\.0\)$/m);
    expect(notices).toContain("Apache License\n                           Version 2.0, January 2004");
    for (const name of ["commander", "decimal.js", "luxon", "vscode-languageserver"])
      expect(notices).toMatch(new RegExp(`^${name.replace(".", "\\.")} \\S+ \\(MIT\\)$`, "m"));
    expect(readFileSync(join(dist, "sla.cjs"), "utf8")).toContain("sla.cjs.LEGAL.txt");
    expect(readFileSync(join(dist, "sla.cjs.LEGAL.txt"), "utf8")).toContain("decimal.js");
    expect(readFileSync(join(prefix, "lib", "node_modules", "@sla", "cli", "LICENSE"), "utf8")).toContain(
      "The sla-toolchain authors",
    );
  });
});

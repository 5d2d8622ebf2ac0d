#!/usr/bin/env node
// The `sla` command: an esbuild bundle does the work, so a cold start loads one file. `sla check`
// starts dist/sla-check.cjs, which holds that command alone (a third of the code to read, compile
// and set up); everything else starts dist/sla.cjs, which holds every command (and `check` too:
// it is what runs when the check bundle is missing).
// A bundle is compiled here rather than by require() so that V8 can start from the code cache the
// build made next to it (BUNDLE.cache: the bytecode of what a `sla check` runs), instead of parsing
// the JavaScript and compiling every function it calls (docs/performance.md).
// V8 accepts a cache only from its own version and flags, and checks a source by its length alone.
// So the build ends each bundle with a stamp, the SHA-256 of the text before it, and heads the
// cache with the same stamp: a cache from another build, or one V8 refuses, is ignored, and the
// bundle is compiled from its text as require() would. The stamps are compared, not the bundle
// hashed at each start: node:crypto and hashing 2.7 MB cost more than everything else here.
// The build writes bundles in ASCII, which are read as Latin-1 (V8 then holds one byte a
// character; a UTF-8 decode of the same text made a string of two).
"use strict";
const { isAscii } = require("node:buffer");
const { readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const BUNDLE = join(__dirname, "..", "dist", "sla.cjs");
const CHECK_BUNDLE = join(__dirname, "..", "dist", "sla-check.cjs");
const STAMP_PREFIX = "\n// sla-bundle-sha256 ";
const STAMP_BYTES = 64;
/** The stamp's place: the last line of the bundle, after the prefix. */
const STAMP_TAIL = STAMP_PREFIX.length + STAMP_BYTES + 1;

/** The bundle `argv` runs: the check bundle for `sla check`, the full one otherwise. */
function bundleFor(argv) {
  return argv[2] === "check" ? CHECK_BUNDLE : BUNDLE;
}

/** The SHA-256 (hex) the build ended `bytes` with, or undefined for a bundle without a stamp. */
function stampOf(bytes) {
  if (bytes.length < STAMP_TAIL || bytes[bytes.length - 1] !== 0x0a) return undefined;
  const tail = bytes.subarray(bytes.length - STAMP_TAIL);
  if (tail.toString("latin1", 0, STAMP_PREFIX.length) !== STAMP_PREFIX) return undefined;
  return tail.subarray(STAMP_PREFIX.length, STAMP_PREFIX.length + STAMP_BYTES);
}

/** `text` with its stamp (what the build writes): the stamp changes whenever the text does. */
function stamped(text) {
  const digest = require("node:crypto").createHash("sha256").update(text).digest("hex");
  return `${text}${STAMP_PREFIX}${digest}\n`;
}

/** The bundle (its bytes and text) and the code cache made from it, undefined when none fits it. */
function readBundle(bundlePath = BUNDLE, cachePath = `${bundlePath}.cache`) {
  const bytes = readFileSync(bundlePath);
  let cache;
  try {
    cache = readFileSync(cachePath);
  } catch {
    // no cache: compile from the text
  }
  const stamp = stampOf(bytes);
  const fits =
    stamp !== undefined &&
    cache !== undefined &&
    cache.length > STAMP_BYTES &&
    stamp.equals(cache.subarray(0, STAMP_BYTES));
  return {
    bytes,
    source: bytes.toString(isAscii(bytes) ? "latin1" : "utf8"),
    cachedData: fits ? cache.subarray(STAMP_BYTES) : undefined,
  };
}

/** What the build writes to BUNDLE.cache after a run of `script`, compiled from `bytes`. */
function cacheFile(bytes, script) {
  const stamp = stampOf(bytes);
  if (stamp === undefined) throw new Error("the bundle has no stamp: build it with scripts/build.mjs");
  return Buffer.concat([stamp, script.createCachedData()]);
}

/**
 * Compiles the bundle as Node compiles a CommonJS module (the same wrapper and file name, so stack
 * traces read as before); `cachedDataRejected` says whether V8 refused the cache it was given.
 */
function compileBundle({ source, cachedData }, bundlePath = BUNDLE) {
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  return new Script(wrapped, { filename: bundlePath, cachedData });
}

function runBundle(script, bundlePath = BUNDLE) {
  const bundleModule = { exports: {}, filename: bundlePath, id: bundlePath };
  const run = script.runInThisContext();
  run.call(
    bundleModule.exports,
    bundleModule.exports,
    createRequire(bundlePath),
    bundleModule,
    bundlePath,
    dirname(bundlePath),
  );
}

/** Reads the bundle for `argv`, or the full one when that is missing (a copy of dist/sla.cjs alone). */
function readBundleFor(argv) {
  const preferred = bundleFor(argv);
  try {
    return { path: preferred, bundle: readBundle(preferred) };
  } catch (error) {
    if (preferred === BUNDLE || !error || error.code !== "ENOENT") throw error;
    return { path: BUNDLE, bundle: readBundle(BUNDLE) };
  }
}

if (require.main === module) {
  let chosen;
  try {
    chosen = readBundleFor(process.argv);
  } catch (error) {
    if (error && error.code === "ENOENT") {
      process.stderr.write("sla: the CLI is not built yet; run `npm run build` in the repository\n");
      process.exit(2);
    }
    throw error;
  }
  runBundle(compileBundle(chosen.bundle, chosen.path), chosen.path);
} else {
  module.exports = {
    BUNDLE,
    CHECK_BUNDLE,
    bundleFor,
    readBundle,
    readBundleFor,
    stamped,
    cacheFile,
    compileBundle,
    runBundle,
  };
}

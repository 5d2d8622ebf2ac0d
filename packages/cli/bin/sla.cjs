#!/usr/bin/env node
// The `sla` command: the esbuild bundle (dist/sla.cjs) does the work, so a cold start loads one file.
// The bundle is compiled here rather than by require() so that V8 can start from the code cache the
// build made next to it (dist/sla.cjs.cache: the bytecode of what a `sla check` runs), instead of
// parsing 2.7 MB of JavaScript and compiling every function it calls (docs/performance.md).
// V8 accepts a cache only from its own version and flags, and checks a source by its length alone,
// so the file starts with the SHA-256 of the bundle it was made from: a cache from another build or
// one V8 refuses is ignored, and the bundle is compiled from its text as require() would.
"use strict";
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const BUNDLE = join(__dirname, "..", "dist", "sla.cjs");
const CACHE = `${BUNDLE}.cache`;
const DIGEST_BYTES = 32;

/** The bundle (its bytes and text) and the code cache made from it, undefined when none fits it. */
function readBundle(bundlePath = BUNDLE, cachePath = `${bundlePath}.cache`) {
  const bytes = readFileSync(bundlePath);
  let cache;
  try {
    cache = readFileSync(cachePath);
  } catch {
    // no cache: compile from the text
  }
  const fits =
    cache !== undefined &&
    cache.length > DIGEST_BYTES &&
    createHash("sha256").update(bytes).digest().equals(cache.subarray(0, DIGEST_BYTES));
  return { bytes, source: bytes.toString("utf8"), cachedData: fits ? cache.subarray(DIGEST_BYTES) : undefined };
}

/** What the build writes to dist/sla.cjs.cache after a run of `script`, compiled from `bytes`. */
function cacheFile(bytes, script) {
  return Buffer.concat([createHash("sha256").update(bytes).digest(), script.createCachedData()]);
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

if (require.main === module) {
  let bundle;
  try {
    bundle = readBundle();
  } catch (error) {
    if (error && error.code === "ENOENT") {
      process.stderr.write("sla: the CLI is not built yet; run `npm run build` in the repository\n");
      process.exit(2);
    }
    throw error;
  }
  runBundle(compileBundle(bundle));
} else {
  module.exports = { BUNDLE, CACHE, readBundle, cacheFile, compileBundle, runBundle };
}

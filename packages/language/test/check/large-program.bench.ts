/**
 * How long checking a 10,000-line contract takes (run: `npx vitest bench --run
 * packages/language/test/check/large-program.bench.ts`). Checking runs on every keystroke, so the
 * whole of it — parse and check — should stay well under 200 ms. Timings are printed, not asserted.
 */
import { bench, describe } from "vitest";
import { checkLoadedProgram, checkProgram, loadProgram, memoryHost, type ParseCache } from "../../src/index.ts";
import { generateProgram } from "./large-program.ts";

const uri = "file:///large/contract.sla";
const clean = generateProgram(10_000);
const faulty = generateProgram(10_000, true);
const host = memoryHost({ [uri]: clean.text });
const faultyHost = memoryHost({ [uri]: faulty.text });
const cache: ParseCache = new Map();
const loaded = loadProgram(uri, host, cache);

{
  const start = performance.now();
  const result = checkProgram(uri, host);
  const ms = performance.now() - start;
  console.log(
    `first check of ${clean.text.split("\n").length} lines: ${ms.toFixed(1)} ms, ${result.diagnostics.length} diagnostics`,
  );
}

describe("check a 10,000-line contract", () => {
  bench("parse + bind + rules (a keystroke)", () => {
    checkProgram(uri, host);
  });
  bench("parse + bind + rules, one fault per ten services", () => {
    checkProgram(uri, faultyHost);
  });
  bench("bind + rules only (parse cached)", () => {
    checkLoadedProgram(loaded);
  });
});

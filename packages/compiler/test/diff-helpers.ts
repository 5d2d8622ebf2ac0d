/** Pairs of contracts for the diff tests: the IT outsourcing example (which uses every kind of rule) and edits of it. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { compileBundle, type RuleBundle } from "../src/index.ts";
import { checkSource, errorsOf, examplesDir } from "./helpers.ts";

export const BASE = readFileSync(join(examplesDir, "it-outsourcing.sla"), "utf8");
const CALENDAR = readFileSync(join(examplesDir, "common/uk-calendar.sla"), "utf8");

export function bundleOf(source: string): RuleBundle {
  const program = checkSource({ "file:///c/contract.sla": source, "file:///c/common/uk-calendar.sla": CALENDAR });
  expect(errorsOf(program)).toEqual([]);
  return compileBundle(program);
}

/** The base contract with each `[from, to]` replaced once; a replacement that finds nothing fails the test. */
export function edited(...edits: [string, string][]): string {
  let source = BASE;
  for (const [from, to] of edits) {
    expect(source.includes(from), `the base contract contains ${JSON.stringify(from)}`).toBe(true);
    source = source.replace(from, to);
  }
  return source;
}

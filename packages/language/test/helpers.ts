/** Shared test helpers: the example and conformance contracts, and AST comparison without positions. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Range } from "../src/index.ts";

export const REPO = resolve(__dirname, "../../..");
export const CONFORMANCE = resolve(REPO, "../shared/spec/conformance");

function walk(folder: string, out: string[] = []): string[] {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith(".sla")) out.push(path);
  }
  return out;
}

/** Every contract we ship or must pass: examples and conformance cases, with their text. */
export function corpus(): { path: string; text: string }[] {
  return [...walk(join(REPO, "examples")), ...walk(CONFORMANCE)].map((path) => ({
    path,
    text: readFileSync(path, "utf8"),
  }));
}

/** The AST without source positions: what "the same meaning" is compared on. */
export function withoutPositions(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) =>
      key === "range" ||
      key === "keyword" ||
      key === "body" ||
      key === "roleRange" ||
      key === "typeRange" ||
      key === "comments"
        ? undefined
        : v,
    ),
  );
}

/** Plain checks rather than `expect`: this runs for every range of thousands of documents. */
export function assertInside(range: Range, text: string, lineStarts: number[]): void {
  for (const p of [range.start, range.end]) {
    const ok =
      p.offset >= 0 &&
      p.offset <= text.length &&
      p.line >= 1 &&
      p.line <= lineStarts.length &&
      lineStarts[p.line - 1] + p.column - 1 === p.offset &&
      (p.line === lineStarts.length || p.offset < lineStarts[p.line]);
    if (!ok) throw new Error(`position ${JSON.stringify(p)} is not inside the document of ${text.length} characters`);
  }
  if (range.start.offset > range.end.offset) throw new Error(`range ${JSON.stringify(range)} ends before it starts`);
}

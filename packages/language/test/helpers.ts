/** Shared test helpers: the example and conformance contracts, and AST comparison without positions. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

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

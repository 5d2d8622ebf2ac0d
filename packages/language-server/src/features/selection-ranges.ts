/** Selection ranges: word → value → property → block → declaration → file, from the AST. */
import type { Range as SlaRange } from "@sla/language";
import type { SelectionRange, SelectionRangeParams } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { touches, toLspRange } from "../workspace/text.ts";
import { locate } from "./locate.ts";

export function selectionRanges(context: ServerContext, params: SelectionRangeParams): SelectionRange[] {
  const located = locate(context, params.textDocument.uri);
  const parsed = located && context.workspace.parsed(located.uri);
  if (!located || !parsed) return [];
  return (params.positions ?? []).map((position) => {
    const offset = located.view.offsetAt(position);
    const ranges: SlaRange[] = [parsed.file.range];
    collect(parsed.file.items, offset, ranges);
    // outermost first; keep each range that lies inside the one before
    ranges.sort((a, b) => b.end.offset - b.start.offset - (a.end.offset - a.start.offset));
    let chain: SelectionRange | undefined;
    let outer: SlaRange | undefined;
    for (const range of ranges) {
      if (outer && (range.start.offset < outer.start.offset || range.end.offset > outer.end.offset)) continue;
      if (outer && range.start.offset === outer.start.offset && range.end.offset === outer.end.offset) continue;
      chain = { range: toLspRange(range), ...(chain ? { parent: chain } : {}) };
      outer = range;
    }
    const cursor = { start: position, end: position };
    return chain ?? { range: cursor };
  });
}

function isRange(value: unknown): value is SlaRange {
  const r = value as SlaRange;
  return typeof r?.start?.offset === "number" && typeof r?.end?.offset === "number";
}

/** Every range in the AST under `node` that the cursor touches. */
function collect(node: unknown, offset: number, out: SlaRange[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, offset, out);
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "range" || key === "keyword" || key === "body" || key === "roleRange" || key === "typeRange") {
      if (isRange(value) && touches(value, offset)) out.push(value);
    } else if (typeof value === "object" && value !== null) {
      const range = (value as { range?: unknown }).range;
      if (Array.isArray(value) || !isRange(range) || touches(range, offset)) collect(value, offset, out);
    }
  }
}

/**
 * Properties written out from their shapes, for syntax errors that say what the definition accepts
 * where the parser stopped: "`percentile` belongs to `type latency percentile N`".
 */
import { DECLARATIONS } from "./declarations.ts";
import { PROPERTIES, type PropertyDefinition } from "./properties.ts";
import type { Element, ValueKind } from "./shape.ts";

const PLACEHOLDERS: Record<ValueKind, string> = {
  string: '"…"',
  text: '"""…"""',
  date: "2026-01-01",
  time: "09:00",
  duration: "30 days",
  percentage: "99.9%",
  money: "GBP 1,000.00",
  number: "N",
  name: "Name",
  comparator: "at least",
  quantity: "99.9%",
  window: "per calendar month",
  feeBasis: "monthly fee",
  hoursSpec: "24x7",
  frequency: "monthly",
  daySpan: "monday to friday",
  weekday: "monday",
  always: "24x7",
};

function mentions(elements: readonly Element[], word: string): boolean {
  return path(elements, word) !== undefined;
}

/**
 * The property written out along the way that uses `word`: the alternative holding it, optional
 * groups only when they hold it; `undefined` when the shape never uses the word.
 */
function path(elements: readonly Element[], word: string): string[] | undefined {
  const out: string[] = [];
  let found = false;
  for (const e of elements) {
    switch (e.kind) {
      case "keyword":
        out.push(e.word);
        found ||= e.word === word;
        break;
      case "flag":
        if (e.word === word) {
          out.push(e.word);
          found = true;
        }
        break;
      case "comma":
        out[out.length - 1] = `${out[out.length - 1] ?? ""},`;
        break;
      case "value":
        out.push(PLACEHOLDERS[e.value]);
        break;
      case "list":
        out.push(PLACEHOLDERS[e.value]);
        break;
      case "optional": {
        const inner = path(e.elements, word);
        if (inner) {
          out.push(...inner);
          found = true;
        }
        break;
      }
      case "choice": {
        const chosen = e.alternatives.map((a) => path(a, word)).find((p) => p !== undefined);
        if (chosen) found = true;
        out.push(...(chosen ?? describeAlternative(e.alternatives[0])));
        break;
      }
      case "enum": {
        const options = Object.values(e.options);
        const chosen = options.find((words) => words.includes(word));
        if (chosen) found = true;
        out.push(...(chosen ?? options[0]));
        break;
      }
      case "block":
        out.push("{ … }");
        break;
    }
  }
  return found ? out : undefined;
}

function describeAlternative(elements: readonly Element[]): string[] {
  return path([{ kind: "keyword", word: "\u0000" }, ...elements], "\u0000")!.slice(1);
}

/** A property written out in its first form. */
export function describeProperty(property: PropertyDefinition): string {
  return describeAlternative(property.syntax).join(" ");
}

/**
 * Where a word that cannot stand here belongs, in the definition's words: the property that uses
 * it (preferring those of `declarationKind`), written out; `undefined` for a word the language
 * does not use.
 */
export function whereWordBelongs(word: string, declarationKind: string | undefined): string | undefined {
  const holders = (PROPERTIES as readonly PropertyDefinition[]).filter((p) => mentions(p.syntax, word));
  if (holders.length === 0) return undefined;
  const here = DECLARATIONS.find((d) => d.kind === declarationKind)?.properties as readonly string[] | undefined;
  const local = holders.find((p) => here?.includes(p.rule));
  if (local) return `\`${word}\` belongs to \`${path(local.syntax, word)!.join(" ")}\``;
  // a word many properties use (`per`, `of`) says nothing about where it belongs
  if (holders.length > 1) return undefined;
  const property = holders[0];
  const owners = DECLARATIONS.filter((d) => (d.properties as readonly string[]).includes(property.rule)).map(
    (d) => d.kind,
  );
  const owner = owners.length ? ` of ${owners.map((k) => `a ${k}`).join(" or ")}` : "";
  return `\`${word}\` belongs to \`${path(property.syntax, word)!.join(" ")}\`${owner}`;
}

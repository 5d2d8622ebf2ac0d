/**
 * The vocabulary in which the language's properties are written down as data: a property is a
 * sequence of keywords and typed value slots, with optional groups, alternatives and comma lists.
 * The grammar, the AST builders, the literal walker, the reference sites, completion and the
 * reserved-word list are all read off these shapes (see ARCHITECTURE.md, "Adding a property").
 */
import type { DeclarationKind } from "../syntax/ast.ts";

/** A value slot's kind. Literal kinds are single tokens; the others are small shared sub-grammars. */
export type ValueKind =
  | "string"
  | "text"
  | "date"
  | "time"
  | "duration"
  | "percentage"
  | "money"
  | "number"
  | "name"
  | "comparator"
  | "quantity"
  | "window"
  | "feeBasis"
  | "hoursSpec"
  | "frequency"
  | "daySpan"
  /** The following appear only inside the shared sub-grammars below. */
  | "weekday"
  | "always";

export type Element =
  /** A reserved word. */
  | { readonly kind: "keyword"; readonly word: string }
  /** A `,` between two parts of one property. */
  | { readonly kind: "comma" }
  /**
   * A value. `field` is the AST field it fills; `names` the declaration kinds a name may refer to
   * (a `name` or `hoursSpec` slot that names another declaration).
   */
  | { readonly kind: "value"; readonly value: ValueKind; readonly field?: string; readonly names?: DeclarationKind }
  /** One or more values separated by commas, into an array field. */
  | { readonly kind: "list"; readonly value: ValueKind; readonly field: string; readonly names?: DeclarationKind }
  /** A group that may be left out. */
  | { readonly kind: "optional"; readonly elements: readonly Element[] }
  /** Exactly one of several sequences. */
  | { readonly kind: "choice"; readonly alternatives: readonly (readonly Element[])[] }
  /**
   * One of several keyword sequences naming a value of a small enumeration (`per month`,
   * `role provider`); the field holds the value whose words were all given.
   */
  | { readonly kind: "enum"; readonly field: string; readonly options: Readonly<Record<string, readonly string[]>> }
  /** A keyword whose presence is a yes/no field (`renewal automatic`). */
  | { readonly kind: "flag"; readonly word: string; readonly field: string }
  /** A `{ … }` block holding nested properties, named by their rules. */
  | { readonly kind: "block"; readonly rules: readonly string[] };

export const kw = (...words: string[]): Element[] => words.map((word) => ({ kind: "keyword", word }) as const);
export const value = (v: ValueKind, field?: string, names?: DeclarationKind): Element => ({
  kind: "value",
  value: v,
  field,
  names,
});
export const list = (v: ValueKind, field: string, names?: DeclarationKind): Element => ({
  kind: "list",
  value: v,
  field,
  names,
});
export const optional = (...elements: Element[]): Element => ({ kind: "optional", elements });
export const choice = (...alternatives: Element[][]): Element => ({ kind: "choice", alternatives });
export const oneOf = (field: string, options: Record<string, readonly string[]>): Element => ({
  kind: "enum",
  field,
  options,
});
export const flag = (word: string, field: string): Element => ({ kind: "flag", word, field });
export const comma: Element = { kind: "comma" };
export const block = (...rules: string[]): Element => ({ kind: "block", rules });

/** Every keyword a sequence of elements uses, in order of first use. */
export function keywordsOf(elements: readonly Element[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    switch (e.kind) {
      case "keyword":
      case "flag":
        out.add(e.word);
        break;
      case "optional":
        keywordsOf(e.elements, out);
        break;
      case "choice":
        for (const alternative of e.alternatives) keywordsOf(alternative, out);
        break;
      case "enum":
        for (const words of Object.values(e.options)) for (const w of words) out.add(w);
        break;
    }
  }
  return out;
}

/** Every value and list slot, depth first, in source order. */
export function slotsOf(
  elements: readonly Element[],
  out: Extract<Element, { kind: "value" | "list" }>[] = [],
): Extract<Element, { kind: "value" | "list" }>[] {
  for (const e of elements) {
    if (e.kind === "value" || e.kind === "list") out.push(e);
    else if (e.kind === "optional") slotsOf(e.elements, out);
    else if (e.kind === "choice") for (const alternative of e.alternatives) slotsOf(alternative, out);
  }
  return out;
}

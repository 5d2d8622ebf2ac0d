/**
 * The vocabulary in which the language's properties are written down as data: a property is a
 * sequence of keywords and typed value slots, with optional groups, alternatives and comma lists.
 * The grammar, the AST builders, the literal walker, the reference sites, completion and the
 * reserved-word list are all read off these shapes (see ARCHITECTURE.md, "Adding a property").
 */
/**
 * The declaration kinds a name may refer to. Written out rather than imported from the AST, whose
 * property types are read off this module's shapes.
 */
export type DeclarationKind =
  | "agreement"
  | "party"
  | "calendar"
  | "service"
  | "metric"
  | "objective"
  | "remedy"
  | "incentive"
  | "reporting"
  | "clause";

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

// The helpers keep their arguments' literal types, so that the AST types can be read off the table.
export const kw = (...words: string[]): { readonly kind: "keyword"; readonly word: string }[] =>
  words.map((word) => ({ kind: "keyword", word }) as const);
export const value = <V extends ValueKind, F extends string | undefined = undefined>(
  v: V,
  field?: F,
  names?: DeclarationKind,
) => ({ kind: "value", value: v, field: field as F, names }) as const;
export const list = <V extends ValueKind, F extends string>(v: V, field: F, names?: DeclarationKind) =>
  ({ kind: "list", value: v, field, names }) as const;
export const optional = <E extends readonly Element[]>(...elements: E) => ({ kind: "optional", elements }) as const;
export const choice = <A extends readonly (readonly Element[])[]>(...alternatives: A) =>
  ({ kind: "choice", alternatives }) as const;
export const oneOf = <F extends string, O extends Record<string, readonly string[]>>(field: F, options: O) =>
  ({ kind: "enum", field, options }) as const;
export const flag = <F extends string>(word: string, field: F) => ({ kind: "flag", word, field }) as const;
export const comma = { kind: "comma" } as const;
export const block = (...rules: string[]) => ({ kind: "block", rules }) as const;

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

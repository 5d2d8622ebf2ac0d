/**
 * The language's definition and the tables read off it once, at module load. See
 * ARCHITECTURE.md, "Adding a property".
 */
import type { DeclarationKind } from "../syntax/ast.ts";
import { DECLARATIONS, type DeclarationDefinition, IMPORT_DOC } from "./declarations.ts";
import type { KeywordDoc } from "./docs.ts";
import { PROPERTIES, type PropertyDefinition, type PropertyRule } from "./properties.ts";
import { type Element, keywordsOf, slotsOf, type ValueKind } from "./shape.ts";
import { VALUE_GRAMMARS } from "./values.ts";

export { DECLARATIONS, type DeclarationDefinition, IMPORT_DOC } from "./declarations.ts";
export type { KeywordDoc } from "./docs.ts";
export { type CustomBuiltRule, PROPERTIES, type PropertyDefinition, type PropertyRule } from "./properties.ts";
export type { Element, ValueKind } from "./shape.ts";
export { isSubgrammar, type SubgrammarKind, VALUE_GRAMMARS } from "./values.ts";
export {
  allSnippets,
  SNIPPETS,
  type SnippetDefinition,
  type SnippetKeyword,
  type SnippetName,
  vscodeSnippetFile,
} from "./snippets.ts";

export const PROPERTY_BY_RULE: ReadonlyMap<string, PropertyDefinition> = new Map(
  PROPERTIES.map((p) => [p.rule, p as PropertyDefinition]),
);

/** Hover text by AST property kind. */
export const PROPERTY_DOCS: Readonly<Record<string, KeywordDoc>> = Object.fromEntries(
  PROPERTIES.flatMap((p) => Object.entries(p.kinds)),
);

/** Hover text by declaration keyword (`import` included). */
export const DECLARATION_DOCS: Readonly<Record<string, KeywordDoc>> = {
  import: IMPORT_DOC,
  ...Object.fromEntries(DECLARATIONS.map((d) => [d.kind, d.doc])),
};

/** How often an AST property kind may appear in one declaration. */
export const REPEAT_BY_KIND: Readonly<Record<string, PropertyDefinition["repeat"]>> = Object.fromEntries(
  PROPERTIES.flatMap((p) => Object.keys(p.kinds).map((kind) => [kind, p.repeat])),
);

/** The property (AST kind) each AST property kind qualifies, which its declaration must hold too. */
export const NEEDS_BY_KIND: Readonly<Record<string, string>> = Object.fromEntries(
  (PROPERTIES as readonly PropertyDefinition[]).flatMap((p) =>
    p.needs === undefined ? [] : Object.keys(p.kinds).map((kind) => [kind, p.needs!]),
  ),
);

/** The keywords that start a property of an AST kind (`exercise within`, `terminate when breached`). */
export function propertyWords(kind: string): string {
  const row = (PROPERTIES as readonly PropertyDefinition[]).find((p) => kind in p.kinds);
  const words: string[] = [];
  for (const e of row?.syntax ?? []) {
    if (e.kind !== "keyword") break;
    words.push(e.word);
  }
  return words.length ? words.join(" ") : kind;
}

/** The declaration kinds whose bodies may hold a property rule; `exclude maintenance { … }` holds two. */
export function declarationsHolding(rule: PropertyRule): DeclarationKind[] {
  return (DECLARATIONS as readonly DeclarationDefinition[])
    .filter((d) => d.properties.includes(rule))
    .map((d) => d.kind as DeclarationKind);
}

/** One entry per field: `max outage` fills `duration` in either of its forms. */
function uniqueFields<T extends { field: string }>(fields: T[]): T[] {
  return fields.filter((f, i) => fields.findIndex((g) => g.field === f.field) === i);
}

export interface ReferenceField {
  field: string;
  /** The declaration kind the name must refer to. */
  names: DeclarationKind;
  /** The field holds an array of names. */
  list: boolean;
  /** The value kind (`name`, or `hoursSpec`, whose `24x7` names nothing). */
  value: ValueKind;
}

/** Where each AST property kind names another declaration, read off the value slots with `names`. */
export const REFERENCE_FIELDS: Readonly<Record<string, readonly ReferenceField[]>> = Object.fromEntries(
  PROPERTIES.flatMap((p) => {
    const fields = uniqueFields(
      slotsOf(p.syntax)
        .filter((slot) => slot.names !== undefined && slot.field !== undefined)
        .map((slot) => ({ field: slot.field!, names: slot.names!, list: slot.kind === "list", value: slot.value })),
    );
    return Object.keys(p.kinds).map((kind) => [kind, fields]);
  }),
);

/** The CST rule whose name slot refers to declarations of a kind, for completion of names. */
export const NAME_SLOT_RULES: Readonly<Record<string, DeclarationKind>> = Object.fromEntries(
  PROPERTIES.flatMap((p) => {
    const slot = slotsOf(p.syntax).find((s) => s.names !== undefined && s.value === "name");
    return slot?.names ? [[p.rule, slot.names]] : [];
  }),
);

const LITERAL_VALUES: ReadonlySet<ValueKind> = new Set([
  "date",
  "time",
  "duration",
  "percentage",
  "money",
  "number",
  "quantity",
  "window",
]);

/**
 * The fields of each AST property kind that hold a literal or a window, for the literal walker;
 * lists of dates and nested blocks are named too, with how to walk them.
 */
export const LITERAL_FIELDS: Readonly<Record<string, readonly { field: string; list: boolean; window: boolean }[]>> =
  Object.fromEntries(
    PROPERTIES.flatMap((p) => {
      const fields = uniqueFields(
        slotsOf(p.syntax)
          .filter((slot) => slot.field !== undefined && LITERAL_VALUES.has(slot.value))
          .map((slot) => ({ field: slot.field!, list: slot.kind === "list", window: slot.value === "window" })),
      );
      return Object.keys(p.kinds).map((kind) => [kind, fields]);
    }),
  );

/** Every element of a sequence that fills an AST field, depth first (a `block` counts: it fills `properties`). */
function fieldElements(elements: readonly Element[], out: Element[] = []): Element[] {
  for (const e of elements) {
    if (e.kind === "optional") fieldElements(e.elements, out);
    else if (e.kind === "choice") for (const alternative of e.alternatives) fieldElements(alternative, out);
    else if (e.kind === "value" || e.kind === "list") {
      if (e.field !== undefined) out.push(e);
    } else if (e.kind === "enum" || e.kind === "flag" || e.kind === "block") out.push(e);
  }
  return out;
}

/**
 * A plain property's one value: the AST field its single value slot fills, the slot's kind and the
 * declaration kind a name refers to; `null` field and kind for a property with no value at all
 * (`sole remedy`: given or not). What the compiler copies into a bundle field marked
 * `fromProperty`.
 */
export interface PlainValue {
  readonly field: string | null;
  readonly value: ValueKind | null;
  readonly names?: DeclarationKind;
}

/**
 * The plain properties by AST kind: built from their shape (no hand-written builder), given at
 * most once, filling one value field or none. Lists, enumerations, flags, blocks, properties with
 * several values and repeatable ones are not plain; the compiler writes their bundle fields by hand.
 */
export const PLAIN_VALUES: Readonly<Record<string, PlainValue>> = Object.fromEntries(
  PROPERTIES.flatMap((p) => {
    // given at most once, so one field holds it whole
    if ((p as PropertyDefinition).customBuilder || p.repeat !== "once") return [];
    const fields = fieldElements(p.syntax as readonly Element[]);
    const slot = fields[0];
    if (fields.length > 1 || (slot !== undefined && slot.kind !== "value")) return [];
    const plain: PlainValue =
      slot?.kind === "value"
        ? { field: slot.field!, value: slot.value, ...(slot.names ? { names: slot.names } : {}) }
        : { field: null, value: null };
    return Object.keys(p.kinds).map((kind) => [kind, plain]);
  }),
);

function allKeywords(): string[] {
  const words = new Set<string>(["import", ...DECLARATIONS.map((d) => d.kind)]);
  for (const p of PROPERTIES) keywordsOf(p.syntax as readonly Element[], words);
  for (const shape of Object.values(VALUE_GRAMMARS)) keywordsOf(shape as readonly Element[], words);
  return [...words];
}

/** Every word the definition uses: the reserved words of the language. */
export const DEFINITION_KEYWORDS: readonly string[] = allKeywords();

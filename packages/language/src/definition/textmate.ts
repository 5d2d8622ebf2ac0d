/**
 * The keyword patterns of the TextMate grammar (`grammar/sla.tmLanguage.json`), read off the
 * definition so that a new keyword is coloured without editing the grammar by hand. The rest of
 * the grammar (comments, strings, literals, block structure) is written by hand; these functions
 * own only the fields listed in `GENERATED_FIELDS`. `grammar/test/generated.test.ts` fails when the
 * checked-in grammar is not what they give, and `UPDATE_GRAMMAR=1` rewrites it.
 *
 * Not re-exported from `definition/index.ts`: it reads the lexer, which reads that index.
 */
import { DURATION_UNIT_PATTERN, KEYWORDS } from "../syntax/lexer.ts";
import { DECLARATIONS } from "./declarations.ts";
import { PROPERTIES } from "./properties.ts";
import { type Element, keywordsOf } from "./shape.ts";
import { VALUE_GRAMMARS } from "./values.ts";

/** The colouring classes of reserved words, each the scope the grammar gives it. */
export interface KeywordClasses {
  /** Words that begin a declaration at the top level (`storage.type.declaration.sla`). */
  readonly declaration: readonly string[];
  /** `import` (`keyword.control.import.sla`). */
  readonly import: string;
  /** The comparator's words and a word joining two comparisons (`keyword.operator.comparison.sla`). */
  readonly comparison: readonly string[];
  /** Days of the week (`constant.language.weekday.sla`). */
  readonly weekday: readonly string[];
  /** Every other reserved word, declaration keywords too, as they are inside a body (`keyword.other.property.sla`). */
  readonly property: readonly string[];
}

/** Every path through a shape, with optional groups present and one alternative of each choice. */
function pathsOf(elements: readonly Element[]): Element[][] {
  let paths: Element[][] = [[]];
  for (const e of elements) {
    if (e.kind === "optional") {
      const inner = pathsOf(e.elements);
      paths = paths.flatMap((p) => inner.map((q) => [...p, ...q]));
    } else if (e.kind === "choice") {
      const inner = e.alternatives.flatMap((alternative) => pathsOf(alternative));
      paths = paths.flatMap((p) => inner.map((q) => [...p, ...q]));
    } else paths = paths.map((p) => [...p, e]);
  }
  return paths;
}

const isComparator = (e: Element) => e.kind === "value" && e.value === "comparator";

/** Keywords written between two comparisons of one property (`below 99.99% but at least 99.0%`). */
function comparisonJoiners(): Set<string> {
  const words = new Set<string>();
  for (const p of PROPERTIES) {
    for (const path of pathsOf(p.syntax as readonly Element[])) {
      path.forEach((e, i) => {
        if (e.kind !== "keyword") return;
        if (path.slice(0, i).some(isComparator) && path.slice(i + 1).some(isComparator)) words.add(e.word);
      });
    }
  }
  return words;
}

/** Longest first, then alphabetical: one stable order, and a prefix never shadows a longer word. */
function ordered(words: Iterable<string>): string[] {
  return [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

export function keywordClasses(): KeywordClasses {
  const declaration = ordered(DECLARATIONS.map((d) => d.kind));
  const comparison = keywordsOf(VALUE_GRAMMARS.comparator as readonly Element[]);
  for (const word of comparisonJoiners()) comparison.add(word);
  const weekday = keywordsOf(VALUE_GRAMMARS.weekday as readonly Element[]);
  const property = KEYWORDS.filter((w) => w !== "import" && !comparison.has(w) && !weekday.has(w));
  return {
    declaration,
    import: "import",
    comparison: ordered(comparison),
    weekday: ordered(weekday),
    property: ordered(property),
  };
}

const NAME = "[A-Za-z_][A-Za-z0-9_]*";
const NUMBER = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
const words = (list: readonly string[]) => `\\b(?:${list.join("|")})\\b`;

/** A grammar rule, as far as these functions read or write it. */
export interface TextMateRule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  patterns?: TextMateRule[];
  captures?: Record<string, { name: string }>;
  [other: string]: unknown;
}

export interface TextMateGrammar {
  repository: Record<string, TextMateRule>;
  [other: string]: unknown;
}

/** The generated fields, as `rule.field` of the grammar's repository. */
export const GENERATED_FIELDS = [
  "import.match",
  "declaration.begin",
  "declaration.end",
  "block.end",
  "keywords.patterns",
  "literals.patterns[meta.duration.sla].match",
] as const;

/**
 * The grammar with its keyword patterns (see `GENERATED_FIELDS`) read off the definition; every
 * other field is kept as given. The input is not changed.
 */
export function withDefinitionKeywords<G extends TextMateGrammar>(grammar: G): G {
  const classes = keywordClasses();
  const declarations = classes.declaration.join("|");
  const result = structuredClone(grammar);
  const rule = (name: string): TextMateRule => {
    const found = result.repository[name];
    if (!found) throw new Error(`the TextMate grammar has no rule ${name}`);
    return found;
  };
  rule("import").match = `\\b(${classes.import})\\b`;
  rule("declaration").begin = `\\b(${declarations})\\b(?:[ \\t]+(${NAME}))?`;
  // An unclosed declaration or block ends where the next one begins, so a half-typed declaration
  // does not colour the rest of the file as its body.
  rule("declaration").end = `(?<=\\})|(?=^[ \\t]*(?:${classes.import}|${declarations})\\b)`;
  rule("block").end =
    `(\\})|(?=^[ \\t]*(?:${classes.import}[ \\t]*\\"|(?:${declarations})[ \\t]+${NAME}[ \\t]*` +
    `(?:\\"(?:[^\\"\\\\\\n]|\\\\.)*\\"[ \\t]*)?\\{))`;
  rule("keywords").patterns = [
    { name: "keyword.operator.comparison.sla", match: words(classes.comparison) },
    { name: "constant.language.weekday.sla", match: words(classes.weekday) },
    { name: "keyword.other.property.sla", match: words(classes.property) },
    { name: "keyword.control.import.sla", match: `\\b${classes.import}\\b` },
  ];
  const duration = rule("literals").patterns?.find((p) => p.name === "meta.duration.sla");
  if (!duration) throw new Error("the TextMate grammar has no meta.duration.sla literal");
  duration.match = `\\b(${NUMBER})[ \\t]+(${DURATION_UNIT_PATTERN})(?![A-Za-z0-9_])`;
  return result;
}

/**
 * The keyword patterns of grammar/sla.tmLanguage.json are generated from the language's definition
 * (`withDefinitionKeywords` in packages/language/src/definition/textmate.ts: declaration keywords,
 * property keywords, comparison words, weekdays, duration units). Regenerate them with
 * `UPDATE_GRAMMAR=1 npx vitest run grammar/test/generated.test.ts` (written as Biome formats it); every
 * other part of the grammar is written by hand and kept as it is.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  GENERATED_FIELDS,
  KEYWORDS,
  keywordClasses,
  type TextMateGrammar,
  withDefinitionKeywords,
} from "@sla/language";
import { describe, expect, it } from "vitest";

const file = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "sla.tmLanguage.json");

/** JSON as Biome formats it here: two-space indents, a short array of strings on one line. */
function formatted(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`.replace(
    /\[\n\s*("[^"\n]*"(?:,\n\s*"[^"\n]*")*)\n\s*\]/g,
    (whole, items: string, offset: number, text: string) => {
      const line = `[${items.split(/,\n\s*/).join(", ")}]`;
      const indent = offset - text.lastIndexOf("\n", offset) - 1;
      return indent + line.length <= 120 ? line : whole;
    },
  );
}

describe("the TextMate grammar's keyword patterns", () => {
  it("are the definition's (UPDATE_GRAMMAR=1 rewrites them)", () => {
    const written = JSON.parse(readFileSync(file, "utf8")) as TextMateGrammar;
    const wanted = withDefinitionKeywords(written);
    if (process.env.UPDATE_GRAMMAR) writeFileSync(file, formatted(wanted));
    const current = JSON.parse(readFileSync(file, "utf8"));
    expect(current, "grammar/sla.tmLanguage.json is stale: see this test's header").toEqual(wanted);
  });

  it("generate only the fields they name, keeping the hand-written rest", () => {
    const written = JSON.parse(readFileSync(file, "utf8")) as TextMateGrammar;
    const blanked = structuredClone(written);
    blanked.repository.import.match = "";
    blanked.repository.keywords.patterns = [];
    const regenerated = withDefinitionKeywords(blanked);
    expect(regenerated).toEqual(withDefinitionKeywords(written));
    expect(regenerated.repository.comments).toEqual(written.repository.comments);
    expect(GENERATED_FIELDS).toContain("keywords.patterns");
  });

  it("put every reserved word in exactly one class", () => {
    const classes = keywordClasses();
    const all = [...classes.comparison, ...classes.weekday, ...classes.property, classes.import];
    expect(all.length).toBe(new Set(all).size);
    expect(new Set(all)).toEqual(new Set(KEYWORDS));
    for (const word of classes.declaration) expect(classes.property).toContain(word);
  });

  it("class the words joining two comparisons with the comparator's words", () => {
    const { comparison, property } = keywordClasses();
    expect(comparison).toEqual(expect.arrayContaining(["at", "least", "most", "above", "below", "but"]));
    // `target` and `when` come before a comparison, not between two: they stay property keywords
    expect(property).toEqual(expect.arrayContaining(["target", "when"]));
  });
});

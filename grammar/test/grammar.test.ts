/**
 * Tests of the TextMate grammar (grammar/sla.tmLanguage.json):
 *  - the assertion files in grammar/test/cases/*.sla, run with vscode-tmgrammar-test;
 *  - the grammar's keyword lists against the lexer's KEYWORDS and DECLARATION_KEYWORDS (they are generated
 *    from the definition, see generated.test.ts; these check the generator's output);
 *  - every token that the lexer finds in the examples and the conformance files is coloured as its class.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  DECLARATION_KEYWORDS,
  KEYWORDS,
  keywordClasses,
  slaLexer,
  tokens as lexerTokens,
  WEEKDAYS as WEEKDAY_LIST,
} from "@sla/language";
import { describe, expect, it } from "vitest";
import { createRegistry } from "vscode-tmgrammar-test/dist/common/index.js";
import { parseGrammarTestCase, runGrammarTestCase } from "vscode-tmgrammar-test/dist/unit/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const grammarDir = resolve(here, "..");
const repoRoot = resolve(grammarDir, "..");
const grammarPath = join(grammarDir, "sla.tmLanguage.json");
const casesDir = join(here, "cases");

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  patterns?: Rule[];
  include?: string;
  captures?: Record<string, { name: string }>;
}
const grammarJson = JSON.parse(readFileSync(grammarPath, "utf8")) as {
  scopeName: string;
  repository: Record<string, Rule>;
};

function registry() {
  return createRegistry([{ path: grammarPath, scopeName: "source.sla", language: "sla" }]);
}

type Grammar = NonNullable<Awaited<ReturnType<ReturnType<typeof registry>["loadGrammar"]>>>;
let grammarPromise: Promise<Grammar> | undefined;
function loadGrammar(): Promise<Grammar> {
  grammarPromise ??= registry()
    .loadGrammar("source.sla")
    .then((g) => {
      if (!g) throw new Error("grammar source.sla did not load");
      return g;
    });
  return grammarPromise;
}

/** Scopes of every character, line by line. */
async function scopesOf(text: string): Promise<string[][][]> {
  const grammar = await loadGrammar();
  const lines = text.split(/\r\n|\r|\n/);
  let state = null as Parameters<Grammar["tokenizeLine"]>[1];
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const perChar: string[][] = [];
    for (const token of result.tokens) {
      for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) perChar[i] = token.scopes;
    }
    return perChar;
  });
}

/** The words of a rule whose match is `\b(?:a|b|c)\b`. */
function wordsOf(match: string | undefined): string[] {
  const m = /^\\b\(\?:([a-z|]+)\)\\b$/.exec(match ?? "");
  if (!m) throw new Error(`not a keyword list: ${match}`);
  return m[1].split("|");
}

function keywordRule(scope: string): Rule {
  const rule = grammarJson.repository.keywords.patterns?.find((p) => p.name === scope);
  if (!rule) throw new Error(`no keyword rule ${scope}`);
  return rule;
}

describe("grammar assertion files (vscode-tmgrammar-test)", () => {
  const files = readdirSync(casesDir).filter((f) => f.endsWith(".sla"));
  it("has assertion files", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
  for (const file of files) {
    it(file, async () => {
      const text = readFileSync(join(casesDir, file), "utf8");
      // vscode-tmgrammar-test 0.1.3 loops forever on an assertion with two ` - ` exclusion groups
      // (`^^^ a - b - c`); exclusions are one space-separated list after a single ` - `.
      const doubleExclusion = text.split("\n").filter((line) => /^\s*\/\/.*\s-\s.*\s-\s/.test(line));
      expect(doubleExclusion).toEqual([]);
      const testCase = parseGrammarTestCase(text);
      const failures = await runGrammarTestCase(registry(), testCase);
      const report = failures.map(
        (f) =>
          `line ${f.srcLine + 1} [${f.start}, ${f.end}): ${testCase.source[f.srcLine]}\n` +
          `  missing: ${f.missing.join(" ")} unexpected: ${f.unexpected.join(" ")}\n  actual: ${f.actual.join(" ")}`,
      );
      expect(report).toEqual([]);
    });
  }
});

describe("keyword lists match the lexer", () => {
  const declarationBegin = grammarJson.repository.declaration.begin ?? "";
  const declarationWords = /^\\b\(([a-z|]+)\)\\b/.exec(declarationBegin)?.[1].split("|") ?? [];
  const comparison = wordsOf(keywordRule("keyword.operator.comparison.sla").match);
  const weekdays = wordsOf(keywordRule("constant.language.weekday.sla").match);
  const property = wordsOf(keywordRule("keyword.other.property.sla").match);
  const importWord = /^\\b([a-z]+)\\b$/.exec(keywordRule("keyword.control.import.sla").match ?? "")?.[1];

  it("declaration keywords are exactly the lexer's DECLARATION_KEYWORDS", () => {
    expect(new Set([...declarationWords, importWord])).toEqual(new Set(DECLARATION_KEYWORDS));
    expect(grammarJson.repository.import.match).toBe(`\\b(${importWord})\\b`);
  });

  it("keyword rules cover exactly the lexer's KEYWORDS, each once", () => {
    const all = [...comparison, ...weekdays, ...property, importWord];
    expect(new Set(all)).toEqual(new Set(KEYWORDS));
    expect(all.length).toBe(new Set(all).size);
  });

  it("declaration keywords are also property keywords inside a body (service Hosting)", () => {
    for (const word of declarationWords) expect(property).toContain(word);
  });

  it("the recovery lookaheads name every declaration keyword", () => {
    for (const rule of [grammarJson.repository.declaration.end, grammarJson.repository.block.end]) {
      const lists = [...(rule ?? "").matchAll(/\(\?:((?:[a-z]+\|)+[a-z]+)\)/g)].map((m) => m[1].split("|"));
      const list = lists.find((words) => words.includes("agreement")) ?? [];
      expect(new Set(list.filter((w) => w !== "import"))).toEqual(new Set(declarationWords));
    }
  });

  it("every keyword is coloured as a keyword inside a body", async () => {
    const lines = KEYWORDS.map((word) => `  ${word}`);
    const scopes = await scopesOf(`agreement A {\n${lines.join("\n")}\n}`);
    KEYWORDS.forEach((word, i) => {
      const s = scopes[i + 1][2].join(" ");
      expect(s, word).toMatch(/keyword\.|constant\.language\.weekday/);
    });
  });

  it("every duration unit of the lexer is a unit in the grammar", async () => {
    const units = [
      "millisecond",
      "milliseconds",
      "second",
      "seconds",
      "minute",
      "minutes",
      "hour",
      "hours",
      "day",
      "days",
      "week",
      "weeks",
      "month",
      "months",
      "year",
      "years",
      "business day",
      "business days",
      "business hour",
      "business hours",
      "business \t days",
    ];
    const lexerUnits = new RegExp(`^${lexerTokens.DURATION_UNIT_PATTERN}$`);
    for (const unit of units) expect(lexerUnits.test(unit), unit).toBe(true);
    const scopes = await scopesOf(units.map((u) => `2 ${u}`).join("\n"));
    units.forEach((unit, i) => {
      expect(scopes[i][0].join(" "), unit).toContain("constant.numeric.duration.sla");
      expect(scopes[i][2 + unit.length - 1].join(" "), unit).toContain("keyword.other.unit.duration.sla");
    });
  });
});

// ---- every lexer token of the examples is coloured as its class ----

const COMPARISON = new Set(keywordClasses().comparison);
const WEEKDAYS = new Set<string>(WEEKDAY_LIST);
const DECLARATIONS = new Set<string>(DECLARATION_KEYWORDS);

const FIXED: Record<string, string> = {
  LineComment: "comment.line.double-slash.sla",
  BlockComment: "comment.block.sla",
  TextBlock: "string.quoted.triple.sla",
  StringLiteral: "string.quoted.double.sla",
  LCurly: "punctuation.section.block.begin.sla",
  RCurly: "punctuation.section.block.end.sla",
  Comma: "punctuation.separator.comma.sla",
  Always: "constant.language.always.sla",
  DateLiteral: "constant.numeric.date.sla",
  TimeLiteral: "constant.numeric.time.sla",
  DurationLiteral: "meta.duration.sla",
  PercentageLiteral: "meta.percentage.sla",
  NumberLiteral: "constant.numeric.sla",
  MoneyLiteral: "meta.money.sla",
};

function exampleFiles(): string[] {
  const dirs = [join(repoRoot, "examples"), resolve(repoRoot, "../shared/spec/conformance")];
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".sla")) files.push(path);
    }
  };
  dirs.forEach(walk);
  return files;
}

describe("lexer tokens of every example are coloured as their class", () => {
  const files = exampleFiles();
  it("finds the examples", () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    it(file.slice(resolve(repoRoot, "..").length + 1), async () => {
      const text = readFileSync(file, "utf8");
      const lexed = slaLexer.tokenize(text);
      const tokens = [...lexed.tokens, ...((lexed.groups.comments as typeof lexed.tokens | undefined) ?? [])].sort(
        (a, b) => a.startOffset - b.startOffset,
      );
      if (lexed.errors.length > 0 || tokens.some((t) => t.tokenType.name.startsWith("Unterminated"))) {
        return; // files with lexical errors are checked by the assertion files instead
      }
      const scopes = await scopesOf(text);
      const lineStarts = [0];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === "\r" && text[i + 1] === "\n") i++;
        if (text[i] === "\n" || text[i] === "\r") lineStarts.push(i + 1);
      }
      const position = (offset: number) => {
        let line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
        return { line, column: offset - lineStarts[line] };
      };
      let depth = 0;
      const problems: string[] = [];
      let previous: (typeof tokens)[number] | undefined;
      for (const token of tokens) {
        const type = token.tokenType.name;
        let expected = FIXED[type];
        if (type.startsWith("Kw_")) {
          const word = token.image;
          if (word === "import") expected = "keyword.control.import.sla";
          else if (DECLARATIONS.has(word) && depth === 0) expected = "storage.type.declaration.sla";
          else if (COMPARISON.has(word)) expected = "keyword.operator.comparison.sla";
          else if (WEEKDAYS.has(word)) expected = "constant.language.weekday.sla";
          else expected = "keyword.other.property.sla";
        } else if (type === "Name") {
          const prev = previous?.tokenType.name ?? "";
          if (depth === 0 && prev.startsWith("Kw_") && DECLARATIONS.has(previous!.image))
            expected = "entity.name.type.sla";
          else if (prev === "Kw_currency" && /^[A-Z]{3}$/.test(token.image)) expected = "support.constant.currency.sla";
          else expected = "variable.other.reference.sla";
        }
        if (type === "LCurly") depth++;
        if (type === "RCurly") depth = Math.max(0, depth - 1);
        if (!type.endsWith("Comment")) previous = token;
        if (!expected) {
          problems.push(`no expectation for token ${type}`);
          continue;
        }
        for (let offset = token.startOffset; offset <= token.endOffset!; offset++) {
          if (text[offset] === "\n" || text[offset] === "\r") continue;
          const { line, column } = position(offset);
          const actual = scopes[line][column] ?? [];
          if (!actual.includes(expected)) {
            problems.push(
              `${line + 1}:${column + 1} ${type} '${token.image}': expected ${expected}, got ${actual.join(" ")}`,
            );
            break;
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

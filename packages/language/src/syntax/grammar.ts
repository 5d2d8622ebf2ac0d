/**
 * The `.sla` grammar as a Chevrotain CST parser, derived from the language's definition
 * (src/definition/): one rule per declaration kind, one per property (`<camelKind>Property`, which
 * the AST builder, completion and hover map back to the property) and one per shared value
 * (`comparator`, `window`, …). One instance is built when first needed and reused for every parse
 * (Chevrotain's guidance: building a parser is costly, parsing is not). Error recovery is on, so a
 * syntax error inside one property or declaration leaves the rest parsed.
 */
import {
  type CstNode,
  CstParser,
  type ILookaheadStrategy,
  LLkLookaheadStrategy,
  type ParserMethod,
  type TokenType,
} from "chevrotain";
import {
  DECLARATIONS,
  type Element,
  isSubgrammar,
  PROPERTIES,
  VALUE_GRAMMARS,
  type ValueKind,
} from "../definition/index.ts";
import { SKIP_GRAMMAR_VALIDATION } from "./build-mode.ts";
import {
  Always,
  allTokens,
  Comma,
  DateLiteral,
  DurationLiteral,
  keywordTokens,
  LCurly,
  MoneyLiteral,
  Name,
  NumberLiteral,
  PercentageLiteral,
  RCurly,
  StringLiteral,
  TextBlock,
  TimeLiteral,
} from "./lexer.ts";
import { bodyProgress, slaErrorMessages } from "./messages.ts";

/** The token each single-token value kind is written as. */
export const VALUE_TOKENS: Partial<Record<ValueKind, TokenType>> = {
  string: StringLiteral,
  date: DateLiteral,
  time: TimeLiteral,
  duration: DurationLiteral,
  percentage: PercentageLiteral,
  money: MoneyLiteral,
  number: NumberLiteral,
  name: Name,
  always: Always,
};

type RuleFn = ParserMethod<[], CstNode>;

export const MAX_LOOKAHEAD = 4;

/**
 * Chevrotain's own LL(k) lookahead, each decision's function built when the parser first reaches
 * that decision instead of all of them when the parser is built: a small contract reaches few, and
 * building every one was a fifth of the grammar's start-up. Same functions, so the same parse.
 */
class LazyLookahead implements ILookaheadStrategy {
  private readonly llk = new LLkLookaheadStrategy({ maxLookahead: MAX_LOOKAHEAD });

  validate(options: Parameters<ILookaheadStrategy["validate"]>[0]) {
    return this.llk.validate(options);
  }

  buildLookaheadForAlternation(options: Parameters<ILookaheadStrategy["buildLookaheadForAlternation"]>[0]) {
    const llk = this.llk;
    let built: ReturnType<ILookaheadStrategy["buildLookaheadForAlternation"]> | undefined;
    return function (this: unknown, alternatives?: Parameters<typeof built & {}>[0]) {
      built ??= llk.buildLookaheadForAlternation(options);
      return built.call(this, alternatives);
    };
  }

  buildLookaheadForOptional(options: Parameters<ILookaheadStrategy["buildLookaheadForOptional"]>[0]) {
    const llk = this.llk;
    let built: ReturnType<ILookaheadStrategy["buildLookaheadForOptional"]> | undefined;
    return function (this: unknown) {
      built ??= llk.buildLookaheadForOptional(options);
      return built.call(this);
    };
  }
}

/**
 * Chevrotain numbers each use of CONSUME, SUBRULE, OPTION, OR, MANY and AT_LEAST_ONE_SEP within a
 * rule (CONSUME, CONSUME2, …); a generated rule counts its own.
 */
class Occurrences {
  private readonly counts = new Map<unknown, number>();
  next(key: unknown): number {
    const n = this.counts.get(key) ?? 0;
    this.counts.set(key, n + 1);
    return n;
  }
}

class SlaGrammar extends CstParser {
  private readonly rules = new Map<string, RuleFn>();

  constructor() {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: MAX_LOOKAHEAD,
      lookaheadStrategy: new LazyLookahead(),
      errorMessageProvider: slaErrorMessages,
      nodeLocationTracking: "onlyOffset",
      skipValidations: SKIP_GRAMMAR_VALIDATION,
    });

    this.define("file", () => this.MANY(() => this.SUBRULE(this.rule("topLevel"))));
    // one alternatives array for every call: a fresh one per declaration was a twentieth of the parse's garbage
    const topLevel = [
      { ALT: () => this.SUBRULE(this.rule("importDeclaration")) },
      ...DECLARATIONS.map((d) => {
        const name = `${d.kind}Declaration`;
        return { ALT: () => this.SUBRULE(this.rule(name)) };
      }),
    ];
    this.define("topLevel", () => this.OR(topLevel));
    this.define("importDeclaration", () => {
      this.CONSUME(keywordTokens.import);
      this.CONSUME(StringLiteral);
    });
    for (const declaration of DECLARATIONS) {
      const body = this.compileBody(declaration.properties, new Occurrences());
      this.define(`${declaration.kind}Declaration`, () => {
        this.CONSUME(keywordTokens[declaration.kind]);
        this.CONSUME(Name);
        this.OPTION(() => this.CONSUME(StringLiteral));
        body();
      });
    }
    for (const property of PROPERTIES) {
      this.define(property.rule, this.compile(property.syntax, new Occurrences()));
    }
    for (const [name, shape] of Object.entries(VALUE_GRAMMARS)) {
      this.define(name, this.compile(shape, new Occurrences()));
    }
    this.performSelfAnalysis();
  }

  /** The entry rule. */
  readonly file = (): CstNode => this.rule("file")();

  private define(name: string, implementation: () => void): void {
    this.rules.set(name, this.RULE(name, implementation) as RuleFn);
  }

  private rule(name: string): RuleFn {
    const found = this.rules.get(name);
    if (!found) throw new Error(`The grammar has no rule '${name}'`);
    return found;
  }

  /**
   * The code of a sequence, with every occurrence index fixed now: Chevrotain needs the same index
   * for the same place on every run, whichever options were taken or however often a loop ran.
   */
  private compile(elements: readonly Element[], seen: Occurrences): () => void {
    const steps = elements.map((element) => this.compileElement(element, seen));
    return () => {
      for (const step of steps) step();
    };
  }

  /** `{ property* }`, the properties tried in the order the definition lists them. */
  private compileBody(rules: readonly string[], seen: Occurrences): () => void {
    const open = seen.next(LCurly);
    const alternatives = rules.map((rule) => {
      const idx = seen.next(rule);
      return {
        ALT: () => {
          this.subrule(idx, this.rule(rule));
          bodyProgress.lastProperty = rule;
        },
      };
    });
    const loop = seen.next("MANY");
    const or = seen.next("OR");
    const close = seen.next(RCurly);
    return () => {
      this.consume(open, LCurly);
      bodyProgress.lastProperty = undefined;
      this.many(loop, () => this.or(or, alternatives));
      this.consume(close, RCurly);
    };
  }

  private compileElement(element: Element, seen: Occurrences): () => void {
    switch (element.kind) {
      case "keyword":
        return this.compileToken(keywordTokens[element.word], seen);
      case "flag": {
        const consume = this.compileToken(keywordTokens[element.word], seen);
        const idx = seen.next("OPTION");
        return () => this.option(idx, consume);
      }
      case "comma":
        return this.compileToken(Comma, seen);
      case "value":
        return this.compileValue(element.value, seen);
      case "list": {
        const item = this.compileValue(element.value, seen);
        const idx = seen.next("AT_LEAST_ONE_SEP");
        return () => this.commaList(idx, item);
      }
      case "optional": {
        const body = this.compile(element.elements, seen);
        const idx = seen.next("OPTION");
        return () => this.option(idx, body);
      }
      case "choice":
        return this.compileChoice(
          element.alternatives.map((alternative) => this.compile(alternative, seen)),
          seen,
        );
      case "enum":
        return this.compileChoice(
          Object.values(element.options).map((words) =>
            this.compile(
              words.map((word) => ({ kind: "keyword", word })),
              seen,
            ),
          ),
          seen,
        );
      case "block":
        return this.compileBody(element.rules, seen);
    }
  }

  private compileToken(token: TokenType, seen: Occurrences): () => void {
    const idx = seen.next(token);
    return () => {
      this.consume(idx, token);
    };
  }

  private compileChoice(alternatives: (() => void)[], seen: Occurrences): () => void {
    const idx = seen.next("OR");
    const alts = alternatives.map((ALT) => ({ ALT }));
    return () => this.or(idx, alts);
  }

  /** Chevrotain has no indexed AT_LEAST_ONE_SEP, only the numbered forms. */
  private commaList(idx: number, item: () => void): void {
    const forms = [
      this.AT_LEAST_ONE_SEP,
      this.AT_LEAST_ONE_SEP1,
      this.AT_LEAST_ONE_SEP2,
      this.AT_LEAST_ONE_SEP3,
      this.AT_LEAST_ONE_SEP4,
    ];
    if (idx >= forms.length)
      throw new Error("The definition has more comma lists in one property than the grammar supports");
    forms[idx].call(this, { SEP: Comma, DEF: item });
  }

  private compileValue(kind: ValueKind, seen: Occurrences): () => void {
    if (kind === "text") {
      return this.compileChoice([this.compileToken(TextBlock, seen), this.compileToken(StringLiteral, seen)], seen);
    }
    const token = VALUE_TOKENS[kind];
    if (token) return this.compileToken(token, seen);
    if (!isSubgrammar(kind)) throw new Error(`The definition uses a value kind '${kind}' that has no grammar`);
    const idx = seen.next(kind);
    return () => {
      this.subrule(idx, this.rule(kind));
    };
  }
}

let built: SlaGrammar | undefined;

/**
 * The single parser instance, built on first use; `input` is reassigned for every parse. Only
 * input the fast path (fast-parser.ts) declines and the editor's completion need it, so a run on
 * well-formed files never builds it.
 */
export function slaGrammar(): SlaGrammar {
  built ??= new SlaGrammar();
  return built;
}
export type { SlaGrammar };

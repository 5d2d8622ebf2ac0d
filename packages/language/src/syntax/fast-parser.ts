/**
 * The fast path of the parser: a recursive-descent reading of the same definition the Chevrotain
 * grammar is built from (grammar.ts), for well-formed input only, building the AST as it goes with
 * build-ast.ts's own builders: a property built from its shape from the parts it read in order (the
 * same field readers as over a CST node), a hand-built property and a value from the CST node
 * Chevrotain would make for it. It gives up (returns `undefined`) at the first token the grammar
 * does not accept: `parse` then hands that input to Chevrotain, whose error recovery and messages
 * are the only source of syntax diagnostics.
 *
 * Why the two agree: each rule here is compiled from the definition's shapes in the order and with
 * the occurrence numbers grammar.ts uses, into Chevrotain's own grammar model (GAST; a test checks
 * it equals the one Chevrotain records), and every decision (which alternative, whether to enter an
 * optional part or another round of a loop) is taken on the lookahead paths Chevrotain computes
 * from that model (`getLookaheadPaths`, LL(4)), tried in Chevrotain's order. So where this parser
 * accepts, Chevrotain takes the same decisions, consumes the same tokens and reports nothing.
 * Paths are computed when a decision is first reached, and nothing of Chevrotain's parser is built.
 */
import {
  Alternation,
  Alternative,
  type CstElement,
  type CstNode,
  getLookaheadPaths,
  type IProduction,
  type IToken,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatoryWithSeparator,
  Rule,
  Terminal,
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
import type { SlaFile } from "./ast.ts";
import {
  buildDeclarationFromParts,
  buildProperty,
  buildPropertyFromParts,
  buildValue,
  builtFromParts,
  builtFromTokens,
  type Parts,
  sharePositions,
  useLineStarts,
} from "./build-ast.ts";
import { MAX_LOOKAHEAD, VALUE_TOKENS } from "./grammar.ts";
import { Comma, keywordTokens, LCurly, Name, RCurly, StringLiteral, TextBlock } from "./lexer.ts";

/** Where a rule's steps put what they consume: a CST node (Chevrotain's form) or a list of parts. */
interface Sink {
  add(key: string, element: unknown): void;
}

/** A CST node as Chevrotain makes it, for the rules whose AST builders read CST nodes. */
class Node implements Sink {
  readonly children: Record<string, CstElement[]> = {};
  location: { startOffset: number; endOffset: number } = NO_LOCATION;
  constructor(readonly name: string) {}
  add(key: string, element: unknown): void {
    const list = this.children[key];
    if (list === undefined) this.children[key] = [element as CstElement];
    else list.push(element as CstElement);
  }
}

/** Where a value built from its tokens puts them: nowhere, since `buildValue` reads them in the input. */
const DISCARD: Sink = { add() {} };

/** Where a node that consumed nothing is, as Chevrotain says it. */
const NO_LOCATION = Object.freeze({ startOffset: Number.NaN, endOffset: Number.NaN });

/** What a rule read, in order: tokens, value nodes and the ASTs of the rules below it. */
class PartList implements Sink, Parts {
  readonly items: CstElement[] = [];
  count = 0;
  add(_key: string, element: unknown): void {
    this.items[this.count++] = element as CstElement;
  }
}

/**
 * The part lists of the rules being read, by depth: a list is done with when its rule's AST is
 * built (the builders copy what they keep), so each depth reuses one instead of making one per rule.
 */
const partLists: PartList[] = [];
let depth = 0;

/** One step of a rule: consumes what it matches into the sink; false when the input does not fit. */
type Step = (sink: Sink) => boolean;

interface Compiled {
  readonly prods: IProduction[];
  readonly step: Step;
}

// The input being parsed: tokens [pos, end).
let input: readonly IToken[] = [];
let pos = 0;
let end = 0;

/** How the result of each rule reaches its parent when that parent is not a CST node. */
type Kind = "cst" | "value" | "property from parts" | "property from cst" | "declaration" | "pass";
const KINDS = new Map<string, Kind>();

/**
 * Runs a rule's body. Inside a CST node (a value rule or a hand-built property such as `exclude`)
 * it makes a CST node, as Chevrotain; elsewhere it gives the AST (properties, declarations) or
 * passes its parts up (`file`, `topLevel`).
 */
function invoke(name: string, body: Step, parent: Sink): boolean {
  const start = pos;
  const kind = parent instanceof Node ? "cst" : KINDS.get(name)!;
  if (kind === "property from parts" || kind === "declaration" || kind === "pass") {
    let parts = partLists[depth];
    if (parts === undefined) {
      parts = new PartList();
      partLists[depth] = parts;
    } else parts.count = 0; // not `items.length = 0`, which gives up the list's storage
    depth++;
    if (kind === "declaration") sharePositions(true);
    try {
      if (!body(parts)) return false;
    } finally {
      depth--;
    }
    if (kind === "pass") {
      for (let i = 0; i < parts.count; i++) parent.add(name, parts.items[i]);
    } else if (kind === "declaration") {
      parent.add(name, buildDeclarationFromParts(name, parts.items, parts.count, input[start], input[pos - 1]));
      sharePositions(false);
    } else parent.add(name, buildPropertyFromParts(name, parts, input[start], input[pos - 1]));
    parts.count = 0;
    return true;
  }
  if (kind === "value") {
    if (!body(DISCARD)) return false;
    parent.add(name, buildValue(name as ValueKind, input, start, pos));
    return true;
  }
  const node = new Node(name);
  if (!body(node)) return false;
  // not in the order of NO_LOCATION and Chevrotain's, whose hidden class holds NaN: its offsets
  // would be boxed doubles (see newPosition in positions.ts)
  if (pos > start) node.location = { endOffset: input[pos - 1].endOffset!, startOffset: input[start].startOffset };
  parent.add(name, kind === "property from cst" ? buildProperty(node as unknown as CstNode) : node);
  return true;
}

/** Whether the tokens at `pos` begin with `path` (token type indexes). */
function startsWith(path: readonly number[]): boolean {
  const length = path.length;
  if (pos + length > end) return false;
  for (let i = 0; i < length; i++) if (input[pos + i].tokenTypeIdx !== path[i]) return false;
  return true;
}

/**
 * A decision's alternatives as Chevrotain computes them, each a list of token paths; the first
 * alternative with a path the input starts with is taken, as in Chevrotain's lookahead functions.
 */
class Decision {
  private paths: (readonly (readonly number[])[])[] | undefined;
  /**
   * When every path is one token long: the alternative by token type index (first wins), as
   * Chevrotain's; -1 for none. An array indexed by type, since this is read for nearly every token.
   */
  private byType: Int16Array | undefined;

  constructor(
    private readonly rule: Rule,
    private readonly prodType: "Alternation" | "Option" | "Repetition" | "RepetitionMandatoryWithSeparator",
    private readonly occurrence: number,
  ) {}

  /**
   * Longer paths by their first token, each with its alternative, in Chevrotain's order (the
   * alternatives', then each one's paths'): only those can match.
   */
  private byFirst: ({ alt: number; path: readonly number[] }[] | undefined)[] | undefined;

  /** The alternative to take, or -1; for an optional part, 0 means enter it. */
  choose(): number {
    if (this.paths === undefined) this.compute();
    if (pos >= end) return this.chooseAtEnd();
    const type = input[pos].tokenTypeIdx;
    const byType = this.byType;
    if (byType !== undefined) return type < byType.length ? byType[type] : -1;
    const byFirst = this.byFirst!;
    const candidates = type < byFirst.length ? byFirst[type] : undefined;
    if (candidates === undefined) return -1;
    for (let i = 0; i < candidates.length; i++) if (startsWith(candidates[i].path)) return candidates[i].alt;
    return -1;
  }

  /** With no token left only an empty path matches (none does in this grammar's decisions). */
  private chooseAtEnd(): number {
    const paths = this.paths!;
    for (let alt = 0; alt < paths.length; alt++) if (paths[alt].some((path) => path.length === 0)) return alt;
    return -1;
  }

  private compute(): void {
    const computed = getLookaheadPaths({
      occurrence: this.occurrence,
      rule: this.rule,
      prodType: this.prodType,
      maxLookahead: MAX_LOOKAHEAD,
    });
    // for an optional part, Chevrotain's function tests the paths inside it (the first of two)
    const alternatives = this.prodType === "Alternation" ? computed : computed.slice(0, 1);
    this.paths = alternatives.map((alternative) => alternative.map((path) => path.map((type) => type.tokenTypeIdx!)));
    if (this.paths.every((alternative) => alternative.every((path) => path.length === 1))) {
      const types = this.paths.flat().map(([type]) => type);
      const byType = new Int16Array(Math.max(0, ...types) + 1).fill(-1);
      this.paths.forEach((alternative, alt) => {
        for (const [type] of alternative) if (byType[type] === -1) byType[type] = alt;
      });
      this.byType = byType;
      return;
    }
    if (this.paths.some((alternative) => alternative.some((path) => path.length === 0))) {
      throw new Error("A decision of the grammar has an empty lookahead path, which the fast parser does not index");
    }
    const byFirst: ({ alt: number; path: readonly number[] }[] | undefined)[] = [];
    this.paths.forEach((alternative, alt) => {
      for (const path of alternative) {
        const list = byFirst[path[0]];
        if (list) list.push({ alt, path });
        else byFirst[path[0]] = [{ alt, path }];
      }
    });
    this.byFirst = byFirst;
  }
}

/**
 * A grammar model (GAST) object: the fields its Chevrotain constructor sets, set directly. Those
 * constructors copy their options through lodash, which made building this grammar's model a large
 * part of a cold `sla check`; the test comparing the model with Chevrotain's covers these objects.
 */
function production<T extends object>(type: { prototype: T }, fields: Record<string, unknown>): T {
  return Object.assign(Object.create(type.prototype) as T, fields);
}

/** Occurrence numbers within a rule, counted as grammar.ts counts them. */
class Occurrences {
  private readonly counts = new Map<unknown, number>();
  next(key: unknown): number {
    const n = this.counts.get(key) ?? 0;
    this.counts.set(key, n + 1);
    return n;
  }
}

function sequence(parts: readonly Compiled[]): Compiled {
  const steps = parts.map((part) => part.step);
  const step: Step =
    steps.length === 1
      ? steps[0]
      : (node) => {
          for (let i = 0; i < steps.length; i++) if (!steps[i](node)) return false;
          return true;
        };
  return { prods: parts.flatMap((part) => part.prods), step };
}

/** The GAST and steps of every rule, made together so that they cannot disagree. */
class FastGrammar {
  readonly rules = new Map<string, Rule>();
  private readonly bodies = new Map<string, Step>();
  readonly file: Step;

  constructor() {
    const names = [
      "file",
      "topLevel",
      "importDeclaration",
      ...DECLARATIONS.map((d) => `${d.kind}Declaration`),
      ...PROPERTIES.map((p) => p.rule),
      ...Object.keys(VALUE_GRAMMARS),
    ];
    for (const name of names) this.rules.set(name, production(Rule, { _definition: [], orgText: "", name }));
    KINDS.set("file", "pass");
    KINDS.set("topLevel", "pass");
    KINDS.set("importDeclaration", "declaration");
    for (const d of DECLARATIONS) KINDS.set(`${d.kind}Declaration`, "declaration");
    for (const p of PROPERTIES) KINDS.set(p.rule, builtFromParts(p.rule) ? "property from parts" : "property from cst");
    // a value in a property built from parts is built from its tokens at once; one whose grammar
    // holds another value rule (`daySpan`) makes a CST node, as it does inside a CST node
    for (const name of Object.keys(VALUE_GRAMMARS)) KINDS.set(name, builtFromTokens(name) ? "value" : "cst");

    this.define("file", (r) => {
      const topLevel = r.subrule("topLevel", 0);
      return r.many(0, topLevel);
    });
    this.define("topLevel", (r) =>
      r.choice(0, [
        r.subrule("importDeclaration", 0),
        ...DECLARATIONS.map((d) => r.subrule(`${d.kind}Declaration`, 0)),
      ]),
    );
    this.define("importDeclaration", (r) => sequence([r.token(keywordTokens.import, 0), r.token(StringLiteral, 0)]));
    for (const declaration of DECLARATIONS) {
      this.define(`${declaration.kind}Declaration`, (r) =>
        sequence([
          r.token(keywordTokens[declaration.kind], 0),
          r.token(Name, 0),
          r.option(0, r.token(StringLiteral, 0)),
          r.body(declaration.properties, new Occurrences()),
        ]),
      );
    }
    for (const property of PROPERTIES) {
      this.define(property.rule, (r) => r.sequence(property.syntax, new Occurrences()));
    }
    for (const [name, shape] of Object.entries(VALUE_GRAMMARS)) {
      this.define(name, (r) => r.sequence(shape, new Occurrences()));
    }
    const fileBody = this.bodies.get("file")!;
    this.file = fileBody;
  }

  private define(name: string, compile: (compiler: RuleCompiler) => Compiled): void {
    const rule = this.rules.get(name)!;
    const compiled = compile(new RuleCompiler(this, rule));
    rule.definition = compiled.prods;
    this.bodies.set(name, compiled.step);
  }

  /** The body of a rule; looked up when first run, since rules refer to rules defined later. */
  body(name: string): Step {
    const found = this.bodies.get(name);
    if (!found) throw new Error(`The fast parser has no rule '${name}'`);
    return found;
  }
}

/** Compiles the productions of one rule, mirroring grammar.ts's `compile*` methods. */
class RuleCompiler {
  constructor(
    private readonly grammar: FastGrammar,
    private readonly rule: Rule,
  ) {}

  token(type: TokenType, idx: number): Compiled {
    const typeIdx = type.tokenTypeIdx!;
    const key = type.name;
    return {
      prods: [production(Terminal, { idx, terminalType: type })],
      step: (sink) => {
        if (pos >= end) return false;
        const token = input[pos];
        if (token.tokenTypeIdx !== typeIdx) return false;
        pos++;
        sink.add(key, token);
        return true;
      },
    };
  }

  subrule(name: string, idx: number): Compiled {
    const referencedRule = this.grammar.rules.get(name);
    if (!referencedRule) throw new Error(`The fast parser has no rule '${name}'`);
    const grammar = this.grammar;
    let body: Step | undefined;
    return {
      prods: [production(NonTerminal, { _definition: [], idx, nonTerminalName: name, referencedRule })],
      step: (node) => {
        body ??= grammar.body(name);
        return invoke(name, body, node);
      },
    };
  }

  option(idx: number, inside: Compiled): Compiled {
    const decision = new Decision(this.rule, "Option", idx);
    const step = inside.step;
    return {
      prods: [production(Option, { _definition: inside.prods, idx })],
      step: (node) => decision.choose() !== 0 || step(node),
    };
  }

  many(idx: number, inside: Compiled): Compiled {
    const decision = new Decision(this.rule, "Repetition", idx);
    const step = inside.step;
    return {
      prods: [production(Repetition, { _definition: inside.prods, idx })],
      step: (node) => {
        while (decision.choose() === 0) {
          const before = pos;
          if (!step(node)) return false;
          if (pos === before) break; // Chevrotain stops a loop that consumed nothing
        }
        return true;
      },
    };
  }

  choice(idx: number, alternatives: readonly Compiled[]): Compiled {
    const decision = new Decision(this.rule, "Alternation", idx);
    const steps = alternatives.map((alternative) => alternative.step);
    return {
      prods: [
        production(Alternation, {
          _definition: alternatives.map((alternative) =>
            production(Alternative, { _definition: alternative.prods, ignoreAmbiguities: false }),
          ),
          idx,
          ignoreAmbiguities: false,
          hasPredicates: false,
        }),
      ],
      step: (node) => {
        const alt = decision.choose();
        return alt >= 0 && steps[alt](node);
      },
    };
  }

  /** One or more items separated by commas (Chevrotain's AT_LEAST_ONE_SEP: greedy on the comma). */
  commaList(idx: number, item: Compiled): Compiled {
    const decision = new Decision(this.rule, "RepetitionMandatoryWithSeparator", idx);
    const step = item.step;
    const comma = Comma.tokenTypeIdx!;
    return {
      prods: [production(RepetitionMandatoryWithSeparator, { _definition: item.prods, idx, separator: Comma })],
      step: (sink) => {
        if (decision.choose() !== 0 || !step(sink)) return false;
        while (pos < end && input[pos].tokenTypeIdx === comma) {
          sink.add(Comma.name, input[pos++]);
          if (!step(sink)) return false;
        }
        return true;
      },
    };
  }

  /** `{ property* }`, as grammar.ts's `compileBody`. */
  body(rules: readonly string[], seen: Occurrences): Compiled {
    const open = this.token(LCurly, seen.next(LCurly));
    const alternatives = rules.map((rule) => this.subrule(rule, seen.next(rule)));
    const loop = seen.next("MANY");
    const or = seen.next("OR");
    const close = this.token(RCurly, seen.next(RCurly));
    return sequence([open, this.many(loop, this.choice(or, alternatives)), close]);
  }

  sequence(elements: readonly Element[], seen: Occurrences): Compiled {
    return sequence(elements.map((element) => this.element(element, seen)));
  }

  private element(element: Element, seen: Occurrences): Compiled {
    switch (element.kind) {
      case "keyword":
        return this.token(keywordTokens[element.word], seen.next(keywordTokens[element.word]));
      case "flag": {
        const consume = this.token(keywordTokens[element.word], seen.next(keywordTokens[element.word]));
        return this.option(seen.next("OPTION"), consume);
      }
      case "comma":
        return this.token(Comma, seen.next(Comma));
      case "value":
        return this.value(element.value, seen);
      case "list": {
        const item = this.value(element.value, seen);
        return this.commaList(seen.next("AT_LEAST_ONE_SEP"), item);
      }
      case "optional": {
        const inside = this.sequence(element.elements, seen);
        return this.option(seen.next("OPTION"), inside);
      }
      case "choice": {
        const alternatives = element.alternatives.map((alternative) => this.sequence(alternative, seen));
        return this.choice(seen.next("OR"), alternatives);
      }
      case "enum": {
        const alternatives = Object.values(element.options).map((words) =>
          this.sequence(
            words.map((word) => ({ kind: "keyword", word }) as const),
            seen,
          ),
        );
        return this.choice(seen.next("OR"), alternatives);
      }
      case "block":
        return this.body(element.rules, seen);
    }
  }

  private value(kind: ValueKind, seen: Occurrences): Compiled {
    if (kind === "text") {
      const block = this.token(TextBlock, seen.next(TextBlock));
      const string = this.token(StringLiteral, seen.next(StringLiteral));
      return this.choice(seen.next("OR"), [block, string]);
    }
    const token = VALUE_TOKENS[kind];
    if (token) return this.token(token, seen.next(token));
    if (!isSubgrammar(kind)) throw new Error(`The definition uses a value kind '${kind}' that has no grammar`);
    return this.subrule(kind, seen.next(kind));
  }
}

let built: FastGrammar | undefined;

/** The grammar model (GAST) of every rule, as the fast parser reads it (tests compare it with Chevrotain's). */
export function fastGrammarRules(): ReadonlyMap<string, Rule> {
  built ??= new FastGrammar();
  return built.rules;
}

/**
 * The AST items of `tokens[from, to)` read as a whole file, the same as Chevrotain's parse and
 * build-ast.ts would give, or `undefined` when the tokens are not a well-formed file (then
 * Chevrotain must parse them).
 */
export function parseFast(
  tokens: readonly IToken[],
  from: number,
  to: number,
  lineStarts: readonly number[],
): SlaFile["items"] | undefined {
  built ??= new FastGrammar();
  useLineStarts(lineStarts);
  input = tokens;
  pos = from;
  end = to;
  depth = 0;
  const root = new PartList();
  try {
    if (!invoke("file", built.file, root) || pos !== end) return undefined;
    root.items.length = root.count;
    return root.items as unknown as SlaFile["items"];
  } catch {
    return undefined; // a surprise here is never worse than the slow path
  } finally {
    input = [];
    sharePositions(false);
    // a parse that gave up leaves its parts in the lists; they hold nothing past the parse
    for (const parts of partLists) {
      parts.items.length = 0;
      parts.count = 0;
    }
  }
}

/**
 * Turns Chevrotain's CST into the typed AST. The CST of a recovered parse may lack any child, so
 * every accessor here tolerates absence; tokens that recovery invented are treated as absent.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import type * as A from "./ast.ts";
import {
  type CustomBuiltRule,
  type Element,
  PROPERTIES,
  type PropertyDefinition,
  type ValueKind,
} from "../definition/index.ts";
import { LCurly, Name, RCurly, StringLiteral } from "./lexer.ts";
import { newPosition, positionAt } from "./positions.ts";
import { decodeDuration, decodeMoney, decodeNumber, decodeString, decodeTextBlock } from "./literals.ts";

type Children = Record<string, CstElement[] | undefined>;

function isToken(element: CstElement): element is IToken {
  return (element as IToken).tokenType !== undefined;
}

function realToken(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

function tokens(node: CstNode, name: string): IToken[] {
  return (node.children[name] ?? []).filter(isToken).filter(realToken);
}

/** The index-th real token of a kind; a loop rather than `tokens()[index]`, since this runs for every property. */
function token(node: CstNode, name: string, index = 0): IToken | undefined {
  const elements = node.children[name];
  if (!elements) return undefined;
  let seen = 0;
  for (const element of elements) {
    if (isToken(element) && realToken(element) && seen++ === index) return element;
  }
  return undefined;
}

/** CST child names of keyword tokens, made once per word rather than once per lookup. */
const KEYWORD_CHILD = new Map<string, string>();

function kw(node: CstNode, word: string): IToken | undefined {
  let name = KEYWORD_CHILD.get(word);
  if (name === undefined) {
    name = `Kw_${word}`;
    KEYWORD_CHILD.set(word, name);
  }
  return token(node, name);
}

function subrule(node: CstNode, name: string, index = 0): CstNode | undefined {
  const elements = node.children[name];
  if (!elements) return undefined;
  let seen = 0;
  for (const element of elements) {
    if (!isToken(element) && seen++ === index) return element;
  }
  return undefined;
}

function subrules(node: CstNode, name: string): CstNode[] {
  return (node.children[name] ?? []).filter((e): e is CstNode => !isToken(e));
}

export function tokenRange(token: IToken): A.Range {
  return { start: tokenStart(token), end: tokenEnd(token) };
}

/** From the start of `first` to the end of `last`: `span(tokenRange(first), tokenRange(last))` without the halves it drops. */
function tokenSpan(first: IToken, last: IToken): A.Range {
  return first === last ? tokenRange(first) : { start: tokenStart(first), end: tokenEnd(last) };
}

function tokenStart(token: IToken): A.Position {
  const offset = token.startOffset;
  const slot = offset & SHARED_MASK;
  if (sharing && sharedOffsets[slot] === offset) return sharedPositions[slot]!;
  return share(slot, newPosition(offset, token.startLine ?? 1, token.startColumn ?? 1));
}

function tokenEnd(token: IToken): A.Position {
  const offset = token.endOffset! + 1;
  const slot = offset & SHARED_MASK;
  if (sharing && sharedOffsets[slot] === offset) return sharedPositions[slot]!;
  const last = token.image.charCodeAt(token.image.length - 1);
  // a token that ends with its line break ends at the start of the next line
  if (last === 10 || last === 13) return share(slot, newPosition(offset, (token.endLine ?? 1) + 1, 1));
  return share(slot, newPosition(offset, token.endLine ?? 1, (token.endColumn ?? 0) + 1));
}

/**
 * While the fast parser builds a declaration, the positions made for it by offset (a table indexed
 * by the offset's low bits), so that the nodes of the declaration that start or end at the same
 * place share one position: a property's range and keyword start together, and it ends where its
 * last value ends (a quarter of a contract's positions; the AST is mostly positions). Only within
 * one declaration: the incremental parser moves the positions of each declaration's chunk in place.
 */
const SHARED_MASK = 63;
const sharedOffsets: number[] = new Array(SHARED_MASK + 1).fill(-1);
const sharedPositions: (A.Position | undefined)[] = new Array(SHARED_MASK + 1).fill(undefined);
let sharing = false;

function share(slot: number, position: A.Position): A.Position {
  if (sharing) {
    sharedOffsets[slot] = position.offset;
    sharedPositions[slot] = position;
  }
  return position;
}

/** Starts (`true`) or ends the sharing of positions within one declaration of the fast parser. */
export function sharePositions(on: boolean): void {
  sharing = on;
  sharedOffsets.fill(-1);
  sharedPositions.fill(undefined);
}

function span(first: A.Range, last: A.Range): A.Range {
  return { start: first.start, end: last.end };
}

/** All real tokens under a node, in source order. */
function allTokens(node: CstNode, out: IToken[] = []): IToken[] {
  for (const elements of Object.values(node.children as Children)) {
    for (const element of elements ?? []) {
      if (isToken(element)) {
        if (realToken(element)) out.push(element);
      } else allTokens(element, out);
    }
  }
  return out;
}

/** Line starts of the document being built: node ranges come from Chevrotain's offsets in O(log n). */
let lineStarts: readonly number[] = [0];

function position(offset: number): A.Position {
  const slot = offset & SHARED_MASK;
  if (sharing && sharedOffsets[slot] === offset) return sharedPositions[slot]!;
  return share(slot, positionAt(lineStarts, offset));
}

function nodeRange(node: CstNode): A.Range | undefined {
  const location = node.location;
  // After recovery a node may end in an invented token without a place; then walk its real tokens.
  if (location && Number.isFinite(location.startOffset) && Number.isFinite(location.endOffset) && !node.recoveredNode) {
    return { start: position(location.startOffset), end: position(location.endOffset! + 1) };
  }
  const all = allTokens(node);
  if (all.length === 0) return undefined;
  let first = all[0];
  let last = all[0];
  for (const t of all) {
    if (t.startOffset < first.startOffset) first = t;
    if (t.endOffset! > last.endOffset!) last = t;
  }
  return span(tokenRange(first), tokenRange(last));
}

function keywordRange(node: CstNode, words: readonly string[]): A.Range {
  return wordsRange(CST_ACCESS, node, words) ?? nodeRange(node) ?? emptyRange();
}

/** From the first to the last of `words` found (in their order), each the first of its kind in the node. */
function wordsRange<N>(access: Access<N>, node: N, words: readonly string[]): A.Range | undefined {
  let first: IToken | undefined;
  let last: IToken | undefined;
  for (const word of words) {
    const found = access.kw(node, word);
    if (found === undefined) continue;
    first ??= found;
    last = found;
  }
  if (first === undefined || last === undefined) return undefined;
  return tokenSpan(first, last);
}

function emptyRange(): A.Range {
  return { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
}

// literals

function identifier(t: IToken | undefined): A.Identifier | undefined {
  return t && { kind: "Identifier", text: t.image, range: tokenRange(t) };
}

function string(t: IToken | undefined): A.StringLiteral | undefined {
  if (!t) return undefined;
  const block = t.tokenType.name === "TextBlock";
  return {
    kind: "String",
    value: block ? decodeTextBlock(t.image) : decodeString(t.image),
    block,
    range: tokenRange(t),
  };
}

function number(t: IToken | undefined): A.NumberLiteral | undefined {
  return t && { kind: "Number", value: decodeNumber(t.image), range: tokenRange(t) };
}

function percentage(t: IToken | undefined): A.PercentageLiteral | undefined {
  return t && { kind: "Percentage", value: decodeNumber(t.image.slice(0, -1)), range: tokenRange(t) };
}

function duration(t: IToken | undefined): A.DurationLiteral | undefined {
  if (!t) return undefined;
  // the fields written out: a spread copies them through a slower path, for every duration of a contract
  const { amount, unit } = decodeDuration(t.image);
  return { kind: "Duration", amount, unit, range: tokenRange(t) };
}

function money(t: IToken | undefined): A.MoneyLiteral | undefined {
  if (!t) return undefined;
  const { currency, amount } = decodeMoney(t.image);
  return { kind: "Money", currency, amount, range: tokenRange(t) };
}

function date(t: IToken | undefined): A.DateLiteral | undefined {
  if (!t) return undefined;
  const [year, month, day] = t.image.split("-").map(Number);
  return { kind: "Date", text: t.image, year, month, day, range: tokenRange(t) };
}

function time(t: IToken | undefined): A.TimeLiteral | undefined {
  if (!t) return undefined;
  const [hour, minute] = t.image.split(":").map(Number);
  return { kind: "Time", text: t.image, hour, minute, range: tokenRange(t) };
}

/**
 * How a value's builder reads its tokens: in the CST node of its rule, or in the run of tokens the
 * fast parser read for it (which makes no node for a value it builds at once, see `buildValue`).
 */
interface ValueAccess<N> {
  /** The first real token of a kind. */
  token(node: N, name: string): IToken | undefined;
  kw(node: N, word: string): IToken | undefined;
  range(node: N): A.Range | undefined;
  first(node: N): IToken | undefined;
}

const CST_VALUE: ValueAccess<CstNode> = {
  token: (node, name) => token(node, name),
  kw,
  range: nodeRange,
  first: (node) => allTokens(node)[0],
};

function quantityOf<N>(access: ValueAccess<N>, node: N): A.TargetValue | undefined {
  return (
    percentage(access.token(node, "PercentageLiteral")) ??
    duration(access.token(node, "DurationLiteral")) ??
    number(access.token(node, "NumberLiteral"))
  );
}

function comparatorOf<N>(access: ValueAccess<N>, node: N): A.ComparatorNode | undefined {
  const range = access.range(node);
  if (!range) return undefined;
  const kw = access.kw;
  const op: A.Comparator | undefined = kw(node, "at")
    ? kw(node, "least") || (kw(node, "or") && kw(node, "above"))
      ? "at least"
      : kw(node, "most") || (kw(node, "or") && kw(node, "below"))
        ? "at most"
        : undefined
    : kw(node, "above")
      ? "above"
      : kw(node, "below")
        ? "below"
        : undefined;
  return op && { kind: "Comparator", op, range };
}

function windowOf<N>(access: ValueAccess<N>, node: N): A.WindowNode | undefined {
  const range = access.range(node);
  if (!range) return undefined;
  const kw = access.kw;
  const result: A.WindowNode = { kind: "Window", period: "calendar month", range };
  if (kw(node, "calendar")) {
    if (kw(node, "month")) result.period = "calendar month";
    else if (kw(node, "quarter")) result.period = "calendar quarter";
    else if (kw(node, "year")) result.period = "calendar year";
    else if (kw(node, "day")) result.period = "calendar day";
    else {
      result.recovered = true;
      return result;
    }
  } else if (kw(node, "week")) result.period = "week";
  else if (kw(node, "hour")) result.period = "hour";
  else if (kw(node, "billing")) {
    result.period = "billing month";
    result.startDay = number(access.token(node, "NumberLiteral"));
    if (!result.startDay) result.recovered = true;
  } else if (kw(node, "rolling")) {
    result.period = "rolling";
    result.length = duration(access.token(node, "DurationLiteral"));
    if (!result.length) result.recovered = true;
  } else return undefined;
  return result;
}

function feeBasisOf<N>(access: ValueAccess<N>, node: N): A.FeeBasis | undefined {
  const range = access.range(node);
  const kw = access.kw;
  const period: A.FeePeriod | undefined = kw(node, "monthly")
    ? "month"
    : kw(node, "quarterly")
      ? "quarter"
      : kw(node, "annual")
        ? "year"
        : undefined;
  return range && period && { kind: "FeeBasis", period, range };
}

function hoursSpecOf<N>(access: ValueAccess<N>, node: N): A.HoursSpec | undefined {
  const always = access.token(node, "Always");
  if (always) return { kind: "Always", range: tokenRange(always) };
  return identifier(access.token(node, "Name"));
}

function weekday(node: CstNode | undefined): A.Weekday | undefined {
  if (!node) return undefined;
  const t = allTokens(node)[0];
  return t?.image as A.Weekday | undefined;
}

function frequencyOf<N>(access: ValueAccess<N>, node: N): A.Frequency | undefined {
  return access.first(node)?.image as A.Frequency | undefined;
}

// properties

type PropertyBase = { keyword: A.Range; range: A.Range; recovered?: boolean };
type PropertyBuilder = (node: CstNode, base: PropertyBase) => A.Property;

/**
 * A property node starts with its keyword and range (and `recovered`), written out rather than as
 * `{ ...base, kind, … }`: V8 gives every object made by a literal that starts with a spread a
 * hidden class of its own, and the checker's rules, which read every property, then ran about a
 * hundred times slower than on nodes that share their kind's class.
 */
const RECOVERED = Object.freeze({ recovered: true as const });

function recoveredOf(b: PropertyBase): typeof RECOVERED | undefined {
  return b.recovered ? RECOVERED : undefined;
}

/** The properties an `exclude` block holds, in the order their nodes are read (then sorted by place). */
const MAINTENANCE_RULES = ["noticeProperty", "allowanceProperty"] as const;

/** The irregular forms, built by hand; every other property is built from its shape in the definition. */
const CUSTOM_BUILDERS: Record<CustomBuiltRule, PropertyBuilder> = {
  renewalProperty: (n, b) => {
    const durations = tokens(n, "DurationLiteral");
    const noticeGiven = kw(n, "notice") !== undefined;
    return {
      keyword: b.keyword,
      range: b.range,
      ...recoveredOf(b),
      kind: "renewal",
      automatic: kw(n, "automatic") !== undefined,
      period: duration(noticeGiven && durations.length < 2 ? undefined : durations[0]),
      notice: noticeGiven ? duration(durations[durations.length - 1]) : undefined,
    };
  },
  roleProperty: (n, b) => {
    const role = kw(n, "provider") ?? kw(n, "customer");
    return {
      keyword: b.keyword,
      range: b.range,
      ...recoveredOf(b),
      kind: "role",
      role: role?.image as A.PartyRole | undefined,
      roleRange: role && tokenRange(role),
    };
  },
  workingHoursProperty: (n, b) => {
    const days: A.DaySpan[] = [];
    for (const spanNode of subrules(n, "daySpan")) {
      const [first, second] = subrules(spanNode, "weekday");
      const from = weekday(first);
      const range = nodeRange(spanNode);
      if (from && range) days.push({ kind: "DaySpan", from, to: weekday(second) ?? from, range });
    }
    const times = tokens(n, "TimeLiteral");
    return {
      keyword: b.keyword,
      range: b.range,
      ...recoveredOf(b),
      kind: "working hours",
      days,
      from: time(times[0]),
      to: time(times[1]),
    };
  },
  excludeProperty: (n, b) => {
    const cause: A.ExclusionCause | undefined = kw(n, "maintenance")
      ? "maintenance"
      : kw(n, "caused")
        ? "customer caused"
        : kw(n, "majeure")
          ? "force majeure"
          : undefined;
    const nested: A.MaintenanceProperty[] = [];
    for (const name of MAINTENANCE_RULES) {
      for (const node of subrules(n, name)) {
        const property = buildProperty(node) as A.MaintenanceProperty | undefined;
        if (property !== undefined) nested.push(property);
      }
    }
    sortByStart(nested);
    return { keyword: b.keyword, range: b.range, ...recoveredOf(b), kind: "exclude", cause, properties: nested };
  },
  typeProperty: (n, b) => typeOf(CST_ACCESS, n, b),
  indicatorProperty: (n, b) => {
    const [first, second] = tokens(n, "StringLiteral").map((t) => string(t));
    const form = kw(n, "good") ? "good" : kw(n, "errors") ? "errors" : kw(n, "histogram") ? "histogram" : undefined;
    return {
      keyword: b.keyword,
      range: b.range,
      ...recoveredOf(b),
      kind: "indicator",
      source: kw(n, "prometheus") ? "prometheus" : undefined,
      ...(form ? { [form]: first } : {}),
      ...(form && form !== "histogram" ? { total: second } : {}),
      // the histogram's threshold comes before the slice's length
      threshold: form === "histogram" ? duration(token(n, "DurationLiteral")) : undefined,
      slice: kw(n, "slice") ? duration(tokens(n, "DurationLiteral")[form === "histogram" ? 1 : 0]) : undefined,
      sliceAbove: percentage(token(n, "PercentageLiteral")),
    };
  },
  maxOutageProperty: (n, b) => maxOutageOf(CST_ACCESS, n, b),
  creditProperty: (n, b) => creditOf(CST_ACCESS, n, b),
};

/** The token each single-token value kind is written as, by CST child name. */
const VALUE_TOKEN_NAMES: Partial<Record<ValueKind, string>> = {
  string: "StringLiteral",
  date: "DateLiteral",
  time: "TimeLiteral",
  duration: "DurationLiteral",
  percentage: "PercentageLiteral",
  money: "MoneyLiteral",
  number: "NumberLiteral",
  name: "Name",
};

const DECODERS: Partial<Record<ValueKind, (t: IToken | undefined) => unknown>> = {
  string,
  date,
  time,
  duration,
  percentage,
  money,
  number,
  name: identifier,
};

type ValueBuilder = <N>(access: ValueAccess<N>, node: N) => unknown;

const SUBGRAMMAR_BUILDERS: Partial<Record<ValueKind, ValueBuilder>> = {
  comparator: comparatorOf,
  quantity: quantityOf,
  window: windowOf,
  feeBasis: feeBasisOf,
  hoursSpec: hoursSpecOf,
  frequency: frequencyOf,
};

/**
 * How the shape readers find a property's parts: in Chevrotain's CST node, or in the list of
 * parts the fast parser collects (fast-parser.ts); the readers are the same for both.
 */
interface Access<N> {
  /** The index-th token of a kind directly in the node. */
  token(node: N, name: string, index: number): IToken | undefined;
  tokens(node: N, name: string): IToken[];
  /** The first token of a keyword directly in the node. */
  kw(node: N, word: string): IToken | undefined;
  /** The AST of the index-th value of a sub-grammar (`window`, `comparator`, …) directly in the node. */
  value(node: N, kind: ValueKind, index: number): unknown;
}

const CST_ACCESS: Access<CstNode> = {
  token,
  tokens,
  kw,
  value(node, kind, index) {
    const found = subrule(node, kind, index);
    return found && SUBGRAMMAR_BUILDERS[kind]!(CST_VALUE, found);
  },
};

/** A property's parts in the order the fast parser consumed them: its own tokens and its value rules' CST nodes. */
export interface Parts {
  /** The parts are `items[0, count)`; the fast parser reuses the list, whose later slots are stale. */
  readonly items: CstElement[];
  readonly count: number;
}

function partToken(parts: Parts, name: string, index: number): IToken | undefined {
  let seen = 0;
  const { items, count } = parts;
  for (let i = 0; i < count; i++) {
    const item = items[i];
    if (isToken(item) && item.tokenType.name === name && seen++ === index) return item;
  }
  return undefined;
}

const PARTS_ACCESS: Access<Parts> = {
  token: partToken,
  tokens(parts, name) {
    const found: IToken[] = [];
    const { items, count } = parts;
    for (let i = 0; i < count; i++) {
      const item = items[i];
      if (isToken(item) && item.tokenType.name === name) found.push(item);
    }
    return found;
  },
  kw: (parts, word) => partToken(parts, `Kw_${word}`, 0),
  value(parts, kind, index) {
    let seen = 0;
    const { items, count } = parts;
    for (let i = 0; i < count; i++) {
      const item = items[i];
      if (item instanceof BuiltValue && item.kind === kind && seen++ === index) return item.value;
    }
    return undefined;
  },
};

type FieldReader<N> = (node: N, into: Record<string, unknown>) => void;

/** Readers for a shape's fields, the n-th slot of a token kind reading the n-th such token. */
function fieldReaders<N>(
  access: Access<N>,
  elements: readonly Element[],
  seen = new Map<string, number>(),
  out: FieldReader<N>[] = [],
) {
  const next = (key: string) => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n;
  };
  for (const e of elements) {
    switch (e.kind) {
      case "value": {
        if (e.value === "text") {
          const field = e.field;
          if (field)
            out.push(
              (n, into) =>
                (into[field] = string(access.token(n, "TextBlock", 0) ?? access.token(n, "StringLiteral", 0))),
            );
          break;
        }
        const tokenName = VALUE_TOKEN_NAMES[e.value];
        const index = next(tokenName ?? e.value);
        const field = e.field;
        if (!field) break;
        if (tokenName) {
          const decode = DECODERS[e.value]!;
          out.push((n, into) => (into[field] = decode(access.token(n, tokenName, index))));
        } else {
          const kind = e.value;
          if (!SUBGRAMMAR_BUILDERS[kind]) throw new Error(`No AST builder for a '${kind}' value in field '${field}'`);
          out.push((n, into) => (into[field] = access.value(n, kind, index)));
        }
        break;
      }
      case "list": {
        const tokenName = VALUE_TOKEN_NAMES[e.value];
        const decode = DECODERS[e.value];
        if (!tokenName || !decode) throw new Error(`No AST builder for a list of '${e.value}'`);
        const field = e.field;
        out.push((n, into) => (into[field] = access.tokens(n, tokenName).map((t) => decode(t))));
        break;
      }
      case "enum": {
        const options = Object.entries(e.options);
        const field = e.field;
        out.push((n, into) => (into[field] = options.find(([, words]) => words.every((w) => access.kw(n, w)))?.[0]));
        break;
      }
      case "flag": {
        const { field, word } = e;
        out.push((n, into) => (into[field] = access.kw(n, word) !== undefined));
        break;
      }
      case "optional":
        fieldReaders(access, e.elements, seen, out);
        break;
      case "choice":
        for (const alternative of e.alternatives) fieldReaders(access, alternative, seen, out);
        break;
      case "keyword":
      case "comma":
      case "block":
        break;
    }
  }
  return out;
}

function shapeBuilder<N>(access: Access<N>, property: PropertyDefinition): (n: N, b: PropertyBase) => A.Property {
  const kinds = Object.keys(property.kinds);
  if (kinds.length !== 1) throw new Error(`'${property.rule}' builds several kinds and needs a hand-written builder`);
  const kind = kinds[0];
  const readers = fieldReaders(access, property.syntax);
  return (n, b) => {
    const result: Record<string, unknown> = { keyword: b.keyword, range: b.range, ...recoveredOf(b), kind };
    for (const read of readers) read(n, result);
    return result as unknown as A.Property;
  };
}

const PROPERTY_BUILDERS: ReadonlyMap<string, PropertyBuilder> = new Map(
  PROPERTIES.map((p) => [
    p.rule,
    "customBuilder" in p
      ? CUSTOM_BUILDERS[p.rule as CustomBuiltRule]
      : shapeBuilder(CST_ACCESS, p as PropertyDefinition),
  ]),
);

/** The words whose range is a property's `keyword`: the first keyword unless the definition says otherwise. */
const PROPERTY_KEYWORDS: ReadonlyMap<string, readonly string[]> = new Map(
  PROPERTIES.map((p) => {
    const d = p as PropertyDefinition;
    const first = d.syntax[0];
    return [p.rule, d.keywords ?? (first?.kind === "keyword" ? [first.word] : [])];
  }),
);

function buildProperty(node: CstNode): A.Property | undefined {
  const builder = PROPERTY_BUILDERS.get(node.name);
  const range = nodeRange(node);
  if (!builder || !range) return undefined;
  const words = PROPERTY_KEYWORDS.get(node.name) ?? [];
  const keyword = words.length ? keywordRange(node, words) : firstTokenRange(node);
  const base: { keyword: A.Range; range: A.Range; recovered?: boolean } = { keyword, range };
  if (node.recoveredNode) base.recovered = true;
  return builder(node, base);
}

function firstTokenRange(node: CstNode): A.Range {
  let first: IToken | undefined;
  for (const t of allTokens(node)) if (first === undefined || t.startOffset < first.startOffset) first = t;
  return first ? tokenRange(first) : emptyRange();
}

function buildDeclaration(node: CstNode): A.ImportDeclaration | A.Declaration | undefined {
  const range = nodeRange(node);
  if (!range) return undefined;
  if (node.name === "importDeclaration") {
    return importNode(kw(node, "import"), token(node, "StringLiteral"), range, node.recoveredNode === true);
  }
  const kind = node.name.replace(/Declaration$/, "") as A.DeclarationKind;
  const properties: A.Property[] = [];
  const children = node.children as Children;
  for (const name in children) {
    for (const element of children[name] ?? []) {
      if (!isToken(element)) {
        const property = buildProperty(element);
        if (property) properties.push(property);
      }
    }
  }
  sortByStart(properties);
  return declarationNode(
    kind,
    kw(node, kind),
    token(node, "Name"),
    token(node, "StringLiteral"),
    properties,
    range,
    token(node, "LCurly"),
    token(node, "RCurly"),
    node.recoveredNode === true,
  );
}

function importNode(
  keyword: IToken | undefined,
  path: IToken | undefined,
  range: A.Range,
  recovered: boolean,
): A.ImportDeclaration {
  const result: A.ImportDeclaration = {
    kind: "import",
    keyword: keyword ? tokenRange(keyword) : range,
    path: string(path),
    range,
  };
  if (recovered) result.recovered = true;
  return result;
}

function declarationNode(
  kind: A.DeclarationKind,
  keyword: IToken | undefined,
  name: IToken | undefined,
  title: IToken | undefined,
  properties: A.Property[],
  range: A.Range,
  lcurly: IToken | undefined,
  rcurly: IToken | undefined,
  recovered: boolean,
): A.Declaration {
  const declaration = {
    kind,
    keyword: keyword ? tokenRange(keyword) : range,
    name: identifier(name),
    title: string(title),
    properties,
    range,
  } as A.Declaration;
  if (lcurly) declaration.body = rcurly ? tokenSpan(lcurly, rcurly) : span(tokenRange(lcurly), range);
  if (recovered || !rcurly) declaration.recovered = true;
  return declaration;
}

// What the fast parser (fast-parser.ts) builds with: the same builders, over the parts it read.

/** The line starts of the document the fast parser is reading. */
export function useLineStarts(starts: readonly number[]): void {
  lineStarts = starts;
}

/** From the start of `first` to the end of `last`: the range `nodeRange` gives their node, read off the tokens. */
function rangeOfTokens(first: IToken, last: IToken): A.Range {
  const start = tokenStart(first);
  const image = last.image;
  const lastChar = image.charCodeAt(image.length - 1);
  // a token that ends with its line break ends on the next line, which its own end does not say
  if (lastChar === 10 || lastChar === 13) return { start, end: position(last.endOffset! + 1) };
  return { start, end: tokenEnd(last) };
}

/** A value the fast parser built as soon as it read it: a part of its property, as its CST node was. */
export class BuiltValue {
  constructor(
    readonly kind: ValueKind,
    readonly value: unknown,
  ) {}
}

const NO_TOKENS: readonly IToken[] = [];

/** The run of tokens `[from, to)` the fast parser read for one value (one object, reused). */
class TokenRun {
  tokens: readonly IToken[] = NO_TOKENS;
  from = 0;
  to = 0;
}

const RUN = new TokenRun();

function runToken(run: TokenRun, name: string): IToken | undefined {
  const { tokens, to } = run;
  for (let i = run.from; i < to; i++) if (tokens[i].tokenType.name === name) return tokens[i];
  return undefined;
}

const RUN_VALUE: ValueAccess<TokenRun> = {
  token: runToken,
  kw(run, word) {
    let name = KEYWORD_CHILD.get(word);
    if (name === undefined) {
      name = `Kw_${word}`;
      KEYWORD_CHILD.set(word, name);
    }
    return runToken(run, name);
  },
  range: (run) => (run.to > run.from ? rangeOfTokens(run.tokens[run.from], run.tokens[run.to - 1]) : undefined),
  first: (run) => (run.to > run.from ? run.tokens[run.from] : undefined),
};

/**
 * Whether the fast parser builds a value of this sub-grammar from its tokens (`buildValue`) rather
 * than from a CST node: those whose grammar holds tokens only, no sub-grammar of its own.
 */
export function builtFromTokens(kind: string): boolean {
  return kind in SUBGRAMMAR_BUILDERS;
}

/**
 * A value read by the fast parser in `tokens[from, to)`: its AST built from those tokens, as the
 * builders over its CST node would build it, without the node (a value is most of a property).
 */
export function buildValue(kind: ValueKind, tokens: readonly IToken[], from: number, to: number): BuiltValue {
  RUN.tokens = tokens;
  RUN.from = from;
  RUN.to = to;
  try {
    return new BuiltValue(kind, SUBGRAMMAR_BUILDERS[kind]!(RUN_VALUE, RUN));
  } finally {
    RUN.tokens = NO_TOKENS;
  }
}

// Hand-built properties whose parts are tokens and values only, read in a CST node or in the fast
// parser's parts (the others hold a value rule's node or other properties).

function typeOf<N>(access: Access<N>, n: N, b: PropertyBase): A.Property {
  const words: [string, A.MetricType][] = [
    ["availability", "availability"],
    ["latency", "latency"],
    ["success", "success rate"],
    ["rate", "error rate"],
    ["response", "response time"],
    ["resolution", "resolution time"],
  ];
  const found = words.find(([word]) => access.kw(n, word));
  const typeTokens = ["availability", "latency", "error", "success", "rate", "response", "resolution", "time"]
    .map((w) => access.kw(n, w))
    .filter(realToken);
  return {
    keyword: b.keyword,
    range: b.range,
    ...recoveredOf(b),
    kind: "type",
    type: found?.[1],
    typeRange: typeTokens.length ? tokenSpan(typeTokens[0], typeTokens[typeTokens.length - 1]) : undefined,
    percentile: number(access.token(n, "NumberLiteral", 0)),
  };
}

function maxOutageOf<N>(access: Access<N>, n: N, b: PropertyBase): A.Property {
  return access.kw(n, "total")
    ? {
        keyword: wordsRange(access, n, ["max", "total", "outage"]) ?? b.range,
        range: b.range,
        ...recoveredOf(b),
        kind: "max total outage",
        duration: duration(access.token(n, "DurationLiteral", 0)),
        window: access.value(n, "window", 0) as A.WindowNode | undefined,
      }
    : {
        keyword: b.keyword,
        range: b.range,
        ...recoveredOf(b),
        kind: "max outage per incident",
        duration: duration(access.token(n, "DurationLiteral", 0)),
      };
}

function creditOf<N>(access: Access<N>, n: N, b: PropertyBase): A.Property {
  let condition: A.CreditCondition | undefined;
  const when = access.kw(n, "when");
  const each = access.kw(n, "each");
  const breached = access.kw(n, "breached");
  if (when && breached) {
    const numbers = access.tokens(n, "NumberLiteral").map((t) => number(t));
    const per = access.value(n, "window", 0) as A.WindowNode | undefined;
    const last = per?.range ?? tokenRange(access.kw(n, "times") ?? breached);
    condition = {
      kind: "breaches",
      from: numbers[0],
      to: access.kw(n, "to") ? numbers[1] : undefined,
      orMore: access.kw(n, "more") !== undefined,
      window: per,
      range: span(tokenRange(when), last),
    };
  } else if (when) {
    const value = access.value(n, "quantity", 0) as A.TargetValue | undefined;
    const cmp = access.value(n, "comparator", 0) as A.ComparatorNode | undefined;
    let end = value?.range ?? cmp?.range ?? tokenRange(when);
    const but = access.kw(n, "but");
    let bound: A.CreditBound | undefined;
    if (but) {
      const boundValue = access.value(n, "quantity", 1) as A.TargetValue | undefined;
      const boundCmp = access.value(n, "comparator", 1) as A.ComparatorNode | undefined;
      end = boundValue?.range ?? boundCmp?.range ?? tokenRange(but);
      bound = { kind: "bound", comparator: boundCmp, threshold: boundValue, range: span(tokenRange(but), end) };
    }
    condition = { kind: "threshold", comparator: cmp, threshold: value, bound, range: span(tokenRange(when), end) };
  } else if (each && !access.kw(n, "breach") && (access.kw(n, "full") || access.kw(n, "started"))) {
    const first = access.kw(n, "for") ?? each;
    const last = access.kw(n, "allowance") ?? access.kw(n, "downtime") ?? each;
    condition = {
      kind: "each unit",
      rounding: access.kw(n, "full") ? "full" : "started",
      unit: duration(access.token(n, "DurationLiteral", 0)),
      beyondAllowance: access.kw(n, "beyond") !== undefined,
      range: tokenSpan(first, last),
    };
  } else if (each) {
    const first = access.kw(n, "for") ?? each;
    condition = { kind: "each breach", range: tokenSpan(first, access.kw(n, "breach") ?? each) };
  }
  return {
    keyword: b.keyword,
    range: b.range,
    ...recoveredOf(b),
    kind: "credit",
    percentage: percentage(access.token(n, "PercentageLiteral", 0)),
    basis: access.value(n, "feeBasis", 0) as A.FeeBasis | undefined,
    amount: money(access.token(n, "MoneyLiteral", 0)),
    condition,
  };
}

/** The builders of the properties built from their shape, reading the fast parser's parts. */
const PARTS_BUILDERS: ReadonlyMap<string, (parts: Parts, base: PropertyBase) => A.Property> = new Map([
  ...PROPERTIES.filter((p) => !("customBuilder" in p)).map(
    (p) => [p.rule, shapeBuilder(PARTS_ACCESS, p as PropertyDefinition)] as const,
  ),
  ["typeProperty", (parts, b) => typeOf(PARTS_ACCESS, parts, b)],
  ["maxOutageProperty", (parts, b) => maxOutageOf(PARTS_ACCESS, parts, b)],
  ["creditProperty", (parts, b) => creditOf(PARTS_ACCESS, parts, b)],
]);

/** Whether a property rule's AST is built from the fast parser's parts; otherwise from a CST node (`buildProperty`). */
export function builtFromParts(rule: string): boolean {
  return PARTS_BUILDERS.has(rule);
}

/** A property read by the fast parser, from its parts and the first and last token it spans. */
export function buildPropertyFromParts(rule: string, parts: Parts, first: IToken, last: IToken): A.Property {
  const range = rangeOfTokens(first, last);
  const words = PROPERTY_KEYWORDS.get(rule) ?? [];
  const keyword = words.length
    ? (wordsRange(PARTS_ACCESS, parts, words) ?? rangeOfTokens(first, last))
    : tokenRange(first);
  return PARTS_BUILDERS.get(rule)!(parts, { keyword, range });
}

/**
 * A declaration read by the fast parser: its own tokens (keyword, name, title, braces) in `items[0, count)`
 * with its properties' ASTs between them.
 */
export function buildDeclarationFromParts(
  rule: string,
  items: readonly unknown[],
  count: number,
  first: IToken,
  last: IToken,
): A.ImportDeclaration | A.Declaration {
  const range = rangeOfTokens(first, last);
  // each of its own tokens is the first of its kind, as `token()` finds it in a CST node
  let keyword: IToken | undefined;
  let name: IToken | undefined;
  let title: IToken | undefined;
  let lcurly: IToken | undefined;
  let rcurly: IToken | undefined;
  const properties: A.Property[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[i];
    const type = (item as IToken).tokenType;
    if (type === undefined) properties.push(item as A.Property);
    else if (type === LCurly) lcurly ??= item as IToken;
    else if (type === RCurly) rcurly ??= item as IToken;
    else if (type === StringLiteral) title ??= item as IToken;
    else if (type === Name) name ??= item as IToken;
    else keyword ??= item as IToken;
  }
  if (rule === "importDeclaration") return importNode(keyword, title, range, false);
  const kind = rule.replace(/Declaration$/, "") as A.DeclarationKind;
  return declarationNode(kind, keyword, name, title, properties, range, lcurly, rcurly, false);
}

export { buildProperty };

/**
 * In place, stable, by start offset. A body's properties come grouped by rule from the CST and are
 * usually few: an insertion sort allocates nothing, unlike `Array.prototype.sort`, which a long
 * body (quadratic for insertion) still gets.
 */
function sortByStart(list: A.Property[]): void {
  if (list.length > 32) {
    list.sort((a, b) => a.range.start.offset - b.range.start.offset);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const item = list[i];
    const offset = item.range.start.offset;
    let j = i - 1;
    while (j >= 0 && list[j].range.start.offset > offset) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = item;
  }
}

export function buildFile(
  cst: CstNode | undefined,
  comments: A.Comment[],
  textLength: number,
  starts: readonly number[],
): A.SlaFile {
  lineStarts = starts;
  const items: (A.ImportDeclaration | A.Declaration)[] = [];
  for (const top of cst ? subrules(cst, "topLevel") : []) {
    const children = top.children as Children;
    for (const name in children) {
      for (const element of children[name] ?? []) {
        if (!isToken(element)) {
          const item = buildDeclaration(element);
          if (item) items.push(item);
        }
      }
    }
  }
  return {
    kind: "File",
    items,
    comments,
    range: { start: position(0), end: position(textLength) },
  };
}

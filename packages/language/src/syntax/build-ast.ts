/**
 * Turns Chevrotain's CST into the typed AST. The CST of a recovered parse may lack any child, so
 * every accessor here tolerates absence; tokens that recovery invented are treated as absent.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import type * as A from "./ast.ts";
import { positionAt } from "./positions.ts";
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

function kw(node: CstNode, word: string): IToken | undefined {
  return token(node, `Kw_${word}`);
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
  const last = token.image.charCodeAt(token.image.length - 1);
  if (last === 10 || last === 13) {
    // a token that ends with its line break ends at the start of the next line
    return {
      start: { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 },
      end: { offset: token.endOffset! + 1, line: (token.endLine ?? 1) + 1, column: 1 },
    };
  }
  return {
    start: { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 },
    end: { offset: token.endOffset! + 1, line: token.endLine ?? 1, column: (token.endColumn ?? 0) + 1 },
  };
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
  return positionAt(lineStarts, offset);
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

function keywordRange(node: CstNode, words: string[]): A.Range {
  const found = words.map((w) => kw(node, w)).filter(realToken);
  if (found.length === 0) return nodeRange(node) ?? emptyRange();
  return span(tokenRange(found[0]), tokenRange(found[found.length - 1]));
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
  return t && { kind: "Duration", ...decodeDuration(t.image), range: tokenRange(t) };
}

function money(t: IToken | undefined): A.MoneyLiteral | undefined {
  return t && { kind: "Money", ...decodeMoney(t.image), range: tokenRange(t) };
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

function quantity(node: CstNode | undefined): A.TargetValue | undefined {
  if (!node) return undefined;
  return (
    percentage(token(node, "PercentageLiteral")) ??
    duration(token(node, "DurationLiteral")) ??
    number(token(node, "NumberLiteral"))
  );
}

function comparator(node: CstNode | undefined): A.ComparatorNode | undefined {
  if (!node) return undefined;
  const range = nodeRange(node);
  if (!range) return undefined;
  const op: A.Comparator | undefined = kw(node, "at")
    ? kw(node, "least")
      ? "at least"
      : kw(node, "most")
        ? "at most"
        : undefined
    : kw(node, "above")
      ? "above"
      : kw(node, "below")
        ? "below"
        : undefined;
  return op && { kind: "Comparator", op, range };
}

function window(node: CstNode | undefined): A.WindowNode | undefined {
  if (!node) return undefined;
  const range = nodeRange(node);
  if (!range) return undefined;
  const result: A.WindowNode = { kind: "Window", period: "calendar month", range };
  if (kw(node, "calendar")) {
    if (kw(node, "month")) result.period = "calendar month";
    else if (kw(node, "quarter")) result.period = "calendar quarter";
    else if (kw(node, "year")) result.period = "calendar year";
    else return { ...result, recovered: true };
  } else if (kw(node, "week")) result.period = "week";
  else if (kw(node, "rolling")) {
    result.period = "rolling";
    result.length = duration(token(node, "DurationLiteral"));
    if (!result.length) result.recovered = true;
  } else return undefined;
  return result;
}

function feeBasis(node: CstNode | undefined): A.FeeBasis | undefined {
  if (!node) return undefined;
  const range = nodeRange(node);
  const period: A.FeePeriod | undefined = kw(node, "monthly")
    ? "month"
    : kw(node, "quarterly")
      ? "quarter"
      : kw(node, "annual")
        ? "year"
        : undefined;
  return range && period && { kind: "FeeBasis", period, range };
}

function hoursSpec(node: CstNode | undefined): A.HoursSpec | undefined {
  if (!node) return undefined;
  const always = token(node, "Always");
  if (always) return { kind: "Always", range: tokenRange(always) };
  return identifier(token(node, "Name"));
}

function weekday(node: CstNode | undefined): A.Weekday | undefined {
  if (!node) return undefined;
  const t = allTokens(node)[0];
  return t?.image as A.Weekday | undefined;
}

function frequency(node: CstNode | undefined): A.Frequency | undefined {
  const t = node && allTokens(node)[0];
  return t?.image as A.Frequency | undefined;
}

// properties

type PropertyBuilder = (node: CstNode, base: { keyword: A.Range; range: A.Range; recovered?: boolean }) => A.Property;

const PROPERTY_KEYWORDS: Record<string, string[]> = {
  versionProperty: ["version"],
  effectiveProperty: ["effective"],
  termProperty: ["term"],
  renewalProperty: ["renewal"],
  timezoneProperty: ["timezone"],
  currencyProperty: ["currency"],
  governingLawProperty: ["governing", "law"],
  businessCalendarProperty: ["business", "calendar"],
  roleProperty: ["role"],
  addressProperty: ["address"],
  contactProperty: ["contact"],
  workingHoursProperty: [],
  holidaysProperty: ["holidays"],
  providerProperty: ["provider"],
  customerProperty: ["customer"],
  feeProperty: ["fee"],
  hoursProperty: ["hours"],
  excludeProperty: ["exclude"],
  noticeProperty: ["notice"],
  allowanceProperty: ["at", "most"],
  serviceProperty: ["service"],
  typeProperty: ["type"],
  measuredByProperty: ["measured", "by"],
  downtimeProperty: ["downtime"],
  metricProperty: ["metric"],
  targetProperty: ["target"],
  maxOutageProperty: ["max", "outage", "total", "per", "incident"],
  severityProperty: ["severity"],
  responseProperty: ["response"],
  resolutionProperty: ["resolution"],
  ticketsProperty: [],
  forProperty: ["for"],
  creditProperty: ["credit"],
  capProperty: ["cap"],
  claimProperty: ["claim"],
  soleRemedyProperty: ["sole", "remedy"],
  actionProperty: ["action"],
  terminateProperty: ["terminate"],
  bonusProperty: ["bonus"],
  reportProperty: ["report"],
  reviewProperty: ["review"],
  textProperty: ["text"],
};

const PROPERTY_BUILDERS: Record<string, PropertyBuilder> = {
  versionProperty: (n, b) => ({ ...b, kind: "version", value: string(token(n, "StringLiteral")) }),
  effectiveProperty: (n, b) => ({ ...b, kind: "effective", date: date(token(n, "DateLiteral")) }),
  termProperty: (n, b) => ({ ...b, kind: "term", duration: duration(token(n, "DurationLiteral")) }),
  renewalProperty: (n, b) => {
    const durations = tokens(n, "DurationLiteral");
    const noticeGiven = kw(n, "notice") !== undefined;
    return {
      ...b,
      kind: "renewal",
      automatic: kw(n, "automatic") !== undefined,
      period: duration(noticeGiven && durations.length < 2 ? undefined : durations[0]),
      notice: noticeGiven ? duration(durations[durations.length - 1]) : undefined,
    };
  },
  timezoneProperty: (n, b) => ({ ...b, kind: "timezone", value: string(token(n, "StringLiteral")) }),
  currencyProperty: (n, b) => ({ ...b, kind: "currency", code: identifier(token(n, "Name")) }),
  governingLawProperty: (n, b) => ({ ...b, kind: "governing law", value: string(token(n, "StringLiteral")) }),
  businessCalendarProperty: (n, b) => ({ ...b, kind: "business calendar", calendar: identifier(token(n, "Name")) }),
  roleProperty: (n, b) => {
    const role = kw(n, "provider") ?? kw(n, "customer");
    return { ...b, kind: "role", role: role?.image as A.PartyRole | undefined, roleRange: role && tokenRange(role) };
  },
  addressProperty: (n, b) => ({ ...b, kind: "address", value: string(token(n, "StringLiteral")) }),
  contactProperty: (n, b) => ({ ...b, kind: "contact", value: string(token(n, "StringLiteral")) }),
  workingHoursProperty: (n, b) => {
    const days: A.DaySpan[] = [];
    for (const spanNode of subrules(n, "daySpan")) {
      const [first, second] = subrules(spanNode, "weekday");
      const from = weekday(first);
      const range = nodeRange(spanNode);
      if (from && range) days.push({ kind: "DaySpan", from, to: weekday(second) ?? from, range });
    }
    const times = tokens(n, "TimeLiteral");
    return { ...b, kind: "working hours", days, from: time(times[0]), to: time(times[1]) };
  },
  holidaysProperty: (n, b) => ({
    ...b,
    kind: "holidays",
    dates: tokens(n, "DateLiteral").map((t) => date(t)!),
  }),
  providerProperty: (n, b) => ({ ...b, kind: "provider", party: identifier(token(n, "Name")) }),
  customerProperty: (n, b) => ({ ...b, kind: "customer", party: identifier(token(n, "Name")) }),
  feeProperty: (n, b) => ({
    ...b,
    kind: "fee",
    amount: money(token(n, "MoneyLiteral")),
    period: kw(n, "month") ? "month" : kw(n, "quarter") ? "quarter" : kw(n, "year") ? "year" : undefined,
  }),
  hoursProperty: (n, b) => ({ ...b, kind: "hours", hours: hoursSpec(subrule(n, "hoursSpec")) }),
  excludeProperty: (n, b) => {
    const cause: A.ExclusionCause | undefined = kw(n, "maintenance")
      ? "maintenance"
      : kw(n, "caused")
        ? "customer caused"
        : kw(n, "majeure")
          ? "force majeure"
          : undefined;
    const nested = [...subrules(n, "noticeProperty"), ...subrules(n, "allowanceProperty")]
      .map(buildProperty)
      .filter((p): p is A.MaintenanceProperty => p !== undefined)
      .sort((x, y) => x.range.start.offset - y.range.start.offset);
    return { ...b, kind: "exclude", cause, properties: nested };
  },
  noticeProperty: (n, b) => ({ ...b, kind: "notice", duration: duration(token(n, "DurationLiteral")) }),
  allowanceProperty: (n, b) => ({
    ...b,
    kind: "allowance",
    duration: duration(token(n, "DurationLiteral")),
    window: window(subrule(n, "window")),
  }),
  serviceProperty: (n, b) => ({ ...b, kind: "service", service: identifier(token(n, "Name")) }),
  typeProperty: (n, b) => {
    const words: [string, A.MetricType][] = [
      ["availability", "availability"],
      ["latency", "latency"],
      ["rate", "error rate"],
      ["response", "response time"],
      ["resolution", "resolution time"],
    ];
    const found = words.find(([word]) => kw(n, word));
    const typeTokens = ["availability", "latency", "error", "rate", "response", "resolution", "time"]
      .map((w) => kw(n, w))
      .filter(realToken);
    return {
      ...b,
      kind: "type",
      type: found?.[1],
      typeRange: typeTokens.length
        ? span(tokenRange(typeTokens[0]), tokenRange(typeTokens[typeTokens.length - 1]))
        : undefined,
      percentile: number(token(n, "NumberLiteral")),
    };
  },
  measuredByProperty: (n, b) => ({ ...b, kind: "measured by", value: string(token(n, "StringLiteral")) }),
  downtimeProperty: (n, b) => ({ ...b, kind: "downtime", value: string(token(n, "StringLiteral")) }),
  metricProperty: (n, b) => ({ ...b, kind: "metric", metric: identifier(token(n, "Name")) }),
  targetProperty: (n, b) => ({
    ...b,
    kind: "target",
    comparator: comparator(subrule(n, "comparator")),
    value: quantity(subrule(n, "quantity")),
    window: window(subrule(n, "window")),
  }),
  maxOutageProperty: (n, b) =>
    kw(n, "total")
      ? {
          ...b,
          kind: "max total outage",
          keyword: keywordRange(n, ["max", "total", "outage"]),
          duration: duration(token(n, "DurationLiteral")),
          window: window(subrule(n, "window")),
        }
      : {
          ...b,
          kind: "max outage per incident",
          duration: duration(token(n, "DurationLiteral")),
        },
  severityProperty: (n, b) => ({
    ...b,
    kind: "severity",
    level: number(token(n, "NumberLiteral")),
    description: string(token(n, "StringLiteral")),
  }),
  responseProperty: (n, b) => ({
    ...b,
    kind: "response",
    duration: duration(token(n, "DurationLiteral")),
    during: hoursSpec(subrule(n, "hoursSpec")),
  }),
  resolutionProperty: (n, b) => ({
    ...b,
    kind: "resolution",
    duration: duration(token(n, "DurationLiteral")),
    during: hoursSpec(subrule(n, "hoursSpec")),
  }),
  ticketsProperty: (n, b) => ({
    ...b,
    kind: "tickets",
    comparator: comparator(subrule(n, "comparator")),
    share: percentage(token(n, "PercentageLiteral")),
    window: window(subrule(n, "window")),
  }),
  forProperty: (n, b) => ({ ...b, kind: "for", objective: identifier(token(n, "Name")) }),
  creditProperty: (n, b) => {
    let condition: A.CreditCondition | undefined;
    const when = kw(n, "when");
    const each = kw(n, "each");
    if (when) {
      const value = quantity(subrule(n, "quantity"));
      const cmp = comparator(subrule(n, "comparator"));
      const end = value?.range ?? cmp?.range ?? tokenRange(when);
      condition = { kind: "threshold", comparator: cmp, threshold: value, range: span(tokenRange(when), end) };
    } else if (each) {
      const first = kw(n, "for") ?? each;
      condition = { kind: "each breach", range: span(tokenRange(first), tokenRange(kw(n, "breach") ?? each)) };
    }
    return {
      ...b,
      kind: "credit",
      percentage: percentage(token(n, "PercentageLiteral")),
      basis: feeBasis(subrule(n, "feeBasis")),
      condition,
    };
  },
  capProperty: (n, b) => ({
    ...b,
    kind: "cap",
    percentage: percentage(token(n, "PercentageLiteral")),
    basis: feeBasis(subrule(n, "feeBasis")),
    window: window(subrule(n, "window")),
  }),
  claimProperty: (n, b) => ({ ...b, kind: "claim", duration: duration(token(n, "DurationLiteral")) }),
  soleRemedyProperty: (_n, b) => ({ ...b, kind: "sole remedy" }),
  actionProperty: (n, b) => ({
    ...b,
    kind: "action",
    description: string(token(n, "StringLiteral")),
    duration: duration(token(n, "DurationLiteral")),
  }),
  terminateProperty: (n, b) => ({
    ...b,
    kind: "terminate",
    times: number(token(n, "NumberLiteral")),
    within: duration(token(n, "DurationLiteral")),
  }),
  bonusProperty: (n, b) => ({
    ...b,
    kind: "bonus",
    percentage: percentage(token(n, "PercentageLiteral")),
    basis: feeBasis(subrule(n, "feeBasis")),
    comparator: comparator(subrule(n, "comparator")),
    threshold: quantity(subrule(n, "quantity")),
    consecutive: number(token(n, "NumberLiteral")),
  }),
  reportProperty: (n, b) => ({
    ...b,
    kind: "report",
    objectives: tokens(n, "Name").map((t) => identifier(t)!),
    frequency: frequency(subrule(n, "frequency")),
    within: duration(token(n, "DurationLiteral")),
  }),
  reviewProperty: (n, b) => ({ ...b, kind: "review", frequency: frequency(subrule(n, "frequency")) }),
  textProperty: (n, b) => ({ ...b, kind: "text", value: string(token(n, "TextBlock") ?? token(n, "StringLiteral")) }),
};

function buildProperty(node: CstNode): A.Property | undefined {
  const builder = PROPERTY_BUILDERS[node.name];
  const range = nodeRange(node);
  if (!builder || !range) return undefined;
  const words = PROPERTY_KEYWORDS[node.name] ?? [];
  const keyword = words.length ? keywordRange(node, words) : firstTokenRange(node);
  const base: { keyword: A.Range; range: A.Range; recovered?: boolean } = { keyword, range };
  if (node.recoveredNode) base.recovered = true;
  return builder(node, base);
}

function firstTokenRange(node: CstNode): A.Range {
  const all = allTokens(node).sort((a, b) => a.startOffset - b.startOffset);
  return all.length ? tokenRange(all[0]) : emptyRange();
}

function buildDeclaration(node: CstNode): A.ImportDeclaration | A.Declaration | undefined {
  const range = nodeRange(node);
  if (!range) return undefined;
  if (node.name === "importDeclaration") {
    const keyword = kw(node, "import");
    const result: A.ImportDeclaration = {
      kind: "import",
      keyword: keyword ? tokenRange(keyword) : range,
      path: string(token(node, "StringLiteral")),
      range,
    };
    if (node.recoveredNode) result.recovered = true;
    return result;
  }
  const kind = node.name.replace(/Declaration$/, "") as A.DeclarationKind;
  const keywordToken = kw(node, kind);
  const properties: A.Property[] = [];
  for (const elements of Object.values(node.children as Children)) {
    for (const element of elements ?? []) {
      if (!isToken(element)) {
        const property = buildProperty(element);
        if (property) properties.push(property);
      }
    }
  }
  properties.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const lcurly = token(node, "LCurly");
  const rcurly = token(node, "RCurly");
  const declaration = {
    kind,
    keyword: keywordToken ? tokenRange(keywordToken) : range,
    name: identifier(token(node, "Name")),
    title: string(token(node, "StringLiteral")),
    properties,
    range,
  } as A.Declaration;
  if (lcurly) declaration.body = span(tokenRange(lcurly), rcurly ? tokenRange(rcurly) : range);
  if (node.recoveredNode || !rcurly) declaration.recovered = true;
  return declaration;
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
    for (const elements of Object.values(top.children as Children)) {
      for (const element of elements ?? []) {
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

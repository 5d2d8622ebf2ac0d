/**
 * Helpers shared by the checking rules: source text and positions, fixes that insert or remove a
 * property, quantities as exact decimals, and the links between objectives, metrics and services.
 */
import { durationToSeconds, rollingDays } from "../../budget/budget.ts";
import { type Decimal, toDecimal } from "../../budget/decimal.ts";
import type { DiagnosticFix, TextEdit } from "../../diagnostics/diagnostic.ts";
import type {
  Comparator,
  Declaration,
  DurationLiteral,
  DurationUnit,
  NumberLiteral,
  PercentageLiteral,
  Position,
  Property,
  Range,
  WindowNode,
} from "../../syntax/ast.ts";
import { computeLineStarts, positionAt } from "../../syntax/parse.ts";
import type { Dimension } from "../../model/types.ts";
import type { DeclarationOf, RuleContext } from "../context.ts";

// ---------------------------------------------------------------------------------------------
// Source text

interface Source {
  text: string;
  lineStarts?: number[];
}

const sources = new WeakMap<RuleContext, Map<string, Source>>();

function source(context: RuleContext, uri: string): Source {
  let byUri = sources.get(context);
  if (!byUri) {
    byUri = new Map();
    sources.set(context, byUri);
  }
  let found = byUri.get(uri);
  if (!found) {
    found = { text: context.program.files.get(uri)?.text ?? "" };
    byUri.set(uri, found);
  }
  return found;
}

/** The text a range covers, as written: `2 hours`, `99.9%`. */
export function textOf(context: RuleContext, uri: string, range: Range): string {
  return source(context, uri).text.slice(range.start.offset, range.end.offset);
}

export function positionOf(context: RuleContext, uri: string, offset: number): Position {
  const s = source(context, uri);
  s.lineStarts ??= computeLineStarts(s.text);
  return positionAt(s.lineStarts, offset);
}

function rangeOf(context: RuleContext, uri: string, start: number, end: number): Range {
  return { start: positionOf(context, uri, start), end: positionOf(context, uri, end) };
}

// ---------------------------------------------------------------------------------------------
// Syntax errors near a declaration

const syntaxErrorOffsets = new WeakMap<RuleContext, Map<string, number[]>>();

/** True when a syntax error of the file starts in [start, end). */
function syntaxErrorIn(context: RuleContext, uri: string, start: number, end: number): boolean {
  if (!context.hasSyntaxErrors(uri)) return false;
  let byUri = syntaxErrorOffsets.get(context);
  if (!byUri) {
    byUri = new Map();
    for (const d of context.program.diagnostics) {
      if (!d.code.startsWith("SLA1")) continue;
      const list = byUri.get(d.uri) ?? [];
      list.push(d.range.start.offset);
      byUri.set(d.uri, list);
    }
    for (const list of byUri.values()) list.sort((a, b) => a - b);
    syntaxErrorOffsets.set(context, byUri);
  }
  const offsets = byUri.get(uri) ?? [];
  // The first offset at or after `start`.
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < start) low = mid + 1;
    else high = mid;
  }
  return low < offsets.length && offsets[low] < end;
}

const damagedDeclarations = new WeakMap<RuleContext, Set<Declaration>>();

/**
 * True when a declaration was repaired by the parser or has a syntax error in or right after it:
 * rules then draw no conclusion from what it lacks (a lost `hours` is not "24x7", a lost `max outage
 * per incident` does not make an objective "breached once per window").
 */
export function damaged(context: RuleContext, declaration: Declaration): boolean {
  if (declaration.recovered) return true;
  // asked per declaration by many rules: the last check's set is kept at hand, as `broken` does
  if (lastDamagedContext === context) return lastDamagedSet.size > 0 && lastDamagedSet.has(declaration);
  let set = damagedDeclarations.get(context);
  if (!set) {
    set = new Set();
    for (const [uri, file] of context.program.files) {
      if (!context.hasSyntaxErrors(uri)) continue;
      const items = file.parsed.file.items;
      items.forEach((item, i) => {
        if (item.kind === "import") return;
        const next = i + 1 < items.length ? items[i + 1].range.start.offset : Number.POSITIVE_INFINITY;
        const end = Math.max(next, item.range.end.offset + 1);
        if (syntaxErrorIn(context, uri, item.range.start.offset, end)) set!.add(item);
      });
    }
    damagedDeclarations.set(context, set);
  }
  lastDamagedContext = context;
  lastDamagedSet = set;
  return set.has(declaration);
}

let lastDamagedContext: RuleContext | undefined;
let lastDamagedSet: Set<Declaration> = new Set();

const brokenProperties = new WeakMap<RuleContext, Set<Property>>();

/**
 * True when rules must not read a property: the parser recovered it, or a syntax error lies in it or
 * right after it (see `isDamaged`).
 */
export function broken(context: RuleContext, property: Property): boolean {
  // Called for nearly every property by every rule: one pass per check collects the broken ones,
  // and the last check's set is kept at hand (a WeakMap lookup per call costs more than the test).
  // The test is kept small enough for V8 to inline into the rules; the pass is a function of its own.
  if (lastBrokenContext !== context) brokenSetOf(context);
  return lastBrokenSet.size > 0 && lastBrokenSet.has(property);
}

function brokenSetOf(context: RuleContext): void {
  let set = brokenProperties.get(context);
  if (!set) {
    set = new Set();
    const declarations = context.binding.declarations;
    // indexed loops: this walks every property of every check
    for (let i = 0; i < declarations.length; i++) {
      const { uri, declaration } = declarations[i];
      const errors = context.hasSyntaxErrors(uri);
      const properties = declaration.properties;
      for (let j = 0; j < properties.length; j++) {
        const p = properties[j];
        if (p.recovered || (errors && isDamaged(context, uri, declaration, p))) set.add(p);
        if (p.kind === "exclude") {
          for (const m of p.properties)
            if (m.recovered || (errors && isDamaged(context, uri, declaration, m))) set.add(m);
        }
      }
    }
    brokenProperties.set(context, set);
  }
  lastBrokenContext = context;
  lastBrokenSet = set;
}

let lastBrokenContext: RuleContext | undefined;
let lastBrokenSet: Set<Property> = new Set();

/**
 * True when rules must not read a property: the parser recovered it, or a syntax error lies in it
 * or right after it (before the next property). `when below 99.` reads as `when below 99` followed
 * by a stray `.`; the threshold 99 is no more than half a keystroke.
 */
export function isDamaged(context: RuleContext, uri: string, declaration: Declaration, property: Property): boolean {
  if (property.recovered) return true;
  if (!context.hasSyntaxErrors(uri)) return false;
  let siblings: readonly Property[] = declaration.properties;
  if (!siblings.includes(property)) {
    const parent = declaration.properties.find(
      (p) => p.kind === "exclude" && (p.properties as Property[]).includes(property),
    );
    siblings = parent?.kind === "exclude" ? parent.properties : [property];
  }
  const index = siblings.indexOf(property);
  const end = index + 1 < siblings.length ? siblings[index + 1].range.start.offset : declaration.range.end.offset + 1;
  return syntaxErrorIn(context, uri, property.range.start.offset, end);
}

// ---------------------------------------------------------------------------------------------
// Fixes

/** An edit that adds `propertyText` as the first property of a declaration's body. */
export function insertPropertyEdit(
  context: RuleContext,
  uri: string,
  declaration: Declaration,
  propertyText: string,
): TextEdit | undefined {
  if (!declaration.body) return undefined;
  const text = source(context, uri).text;
  const open = declaration.body.start.offset; // the `{`
  const after = open + 1;
  const lineEnd = text.indexOf("\n", after);
  const restOfLine = text.slice(after, lineEnd === -1 ? text.length : lineEnd);
  if (lineEnd !== -1 && /^\s*(\/\/.*)?$/.test(restOfLine)) {
    // `{` ends its line: the new property gets a line of its own, indented like the first property.
    const first = declaration.properties[0];
    let indent: string;
    if (first && text.slice(lineEnd + 1, first.range.start.offset).trim() === "") {
      indent = text.slice(text.lastIndexOf("\n", first.range.start.offset - 1) + 1, first.range.start.offset);
    } else {
      const lineStart = text.lastIndexOf("\n", open - 1) + 1;
      indent = `${/^[ \t]*/.exec(text.slice(lineStart))![0]}  `;
    }
    const at = positionOf(context, uri, lineEnd + 1);
    return { uri, range: { start: at, end: at }, newText: `${indent}${propertyText}\n` };
  }
  const at = positionOf(context, uri, after);
  const next = text.charAt(after);
  return { uri, range: { start: at, end: at }, newText: ` ${propertyText}${next === " " ? "" : " "}` };
}

export function insertPropertyFix(
  context: RuleContext,
  uri: string,
  declaration: Declaration,
  propertyText: string,
  title = `Add '${propertyText}'`,
  preferred = false,
): DiagnosticFix | undefined {
  const edit = insertPropertyEdit(context, uri, declaration, propertyText);
  return edit && { title, edits: [edit], ...(preferred ? { preferred } : {}) };
}

/** An edit that deletes a property; a property alone on its line takes the whole line with it. */
export function removePropertyEdit(context: RuleContext, uri: string, property: Property): TextEdit {
  const text = source(context, uri).text;
  let start = property.range.start.offset;
  let end = property.range.end.offset;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = text.indexOf("\n", end);
  const before = text.slice(lineStart, start);
  const afterText = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  if (before.trim() === "" && /^\s*(\/\/.*)?$/.test(afterText) && lineEnd !== -1) {
    start = lineStart;
    end = lineEnd + 1;
  } else {
    while (start > lineStart && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  }
  return { uri, range: rangeOf(context, uri, start, end), newText: "" };
}

// ---------------------------------------------------------------------------------------------
// Decimal text
/* Exact tests on the decimal text itself: no number is ever converted to binary floating point,
   and the hot path (every literal of every keystroke) allocates nothing. */

/** `1`, `12`, `3.0`: a whole number above zero. */
export function isPositiveWholeNumber(value: string): boolean {
  return /^0*[1-9]\d*(\.0*)?$/.test(value);
}

/** `0`, `0.0`, `000`: zero. */
export function isZeroText(value: string): boolean {
  return /^0*(\.0*)?$/.test(value);
}

/** True when a decimal text (digits, optional fraction) is greater than 100. */
export function exceeds100(value: string): boolean {
  const dot = value.indexOf(".");
  const whole = (dot === -1 ? value : value.slice(0, dot)).replace(/^0+/, "");
  const fraction = dot === -1 ? "" : value.slice(dot + 1);
  if (whole.length !== 3) return whole.length > 3;
  if (whole !== "100") return whole > "100";
  return /[1-9]/.test(fraction);
}

// ---------------------------------------------------------------------------------------------
// Quantities

export type { Dimension } from "../../model/types.ts";

export interface Quantity {
  dimension: Dimension;
  /** Percent for percentages, seconds for durations with a fixed length, the number for numbers. */
  value?: Decimal;
  /** The duration's unit, when it has no fixed length (business time, months, years). */
  unit?: DurationUnit;
  amount?: Decimal;
}

export function quantityOf(
  value: PercentageLiteral | DurationLiteral | NumberLiteral | undefined,
): Quantity | undefined {
  if (!value || value.recovered) return undefined;
  switch (value.kind) {
    case "Percentage":
      return { dimension: "percentage", value: toDecimal(value.value) };
    case "Number":
      return { dimension: "number", value: toDecimal(value.value) };
    case "Duration":
      return {
        dimension: "duration",
        value: durationToSeconds(value.amount, value.unit),
        unit: value.unit,
        amount: toDecimal(value.amount),
      };
  }
}

export function seconds(duration: DurationLiteral | undefined): Decimal | undefined {
  return duration && !duration.recovered ? durationToSeconds(duration.amount, duration.unit) : undefined;
}

/** True when `value` satisfies `comparator threshold`. */
export function satisfies(value: Decimal, comparator: Comparator, threshold: Decimal): boolean {
  switch (comparator) {
    case "at least":
      return value.greaterThanOrEqualTo(threshold);
    case "at most":
      return value.lessThanOrEqualTo(threshold);
    case "above":
      return value.greaterThan(threshold);
    case "below":
      return value.lessThan(threshold);
  }
}

/** `at least` and `above` want high values; `at most` and `below` want low ones. */
export function wantsHigh(comparator: Comparator): boolean {
  return comparator === "at least" || comparator === "above";
}

/** A window that is complete: a rolling one has its length. */
export function completeWindow(window: WindowNode | undefined): WindowNode | undefined {
  if (!window || window.recovered) return undefined;
  if (window.period === "rolling" && (!window.length || window.length.recovered)) return undefined;
  return window;
}

export { rollingDays };

export function sameWindow(a: WindowNode, b: WindowNode): boolean {
  if (a.period !== b.period) return false;
  return a.period !== "rolling" || (rollingDays(a) !== undefined && rollingDays(a) === rollingDays(b));
}

// ---------------------------------------------------------------------------------------------
// Links between declarations

export interface Located<T> {
  uri: string;
  declaration: T;
}

/** The metric an objective measures, when its `metric` resolves to a metric (from the contract model). */
export function metricOf(
  context: RuleContext,
  objective: DeclarationOf<"objective">,
): Located<DeclarationOf<"metric">> | undefined {
  // the metric's model itself (it has the file and the declaration): no object per question
  return context.model.objectiveOf(objective)?.metric;
}

/** The first complete `type` of a metric (from the contract model). */
export function metricTypeOf(context: RuleContext, metric: DeclarationOf<"metric">) {
  return context.model.metricOf(metric)?.typeProperty;
}

/** The service an objective is about: its own `service`, or its metric's. */
export function serviceOf(
  context: RuleContext,
  objective: DeclarationOf<"objective">,
): Located<DeclarationOf<"service">> | undefined {
  // asked per objective by several rules: answered once per check (the last check's answers kept at hand)
  if (lastServicesContext !== context) {
    lastServicesContext = context;
    lastServices = new Map();
  }
  const known = lastServices.get(objective);
  if (known !== undefined || lastServices.has(objective)) return known;
  const service = findServiceOf(context, objective);
  lastServices.set(objective, service);
  return service;
}

let lastServicesContext: RuleContext | undefined;
let lastServices = new Map<DeclarationOf<"objective">, Located<DeclarationOf<"service">> | undefined>();

function findServiceOf(
  context: RuleContext,
  objective: DeclarationOf<"objective">,
): Located<DeclarationOf<"service">> | undefined {
  for (const p of objective.properties) {
    if (p.kind === "service" && !broken(context, p)) {
      const service = context.resolve(p.service, "service");
      if (service) return service;
    }
  }
  const metric = metricOf(context, objective);
  if (!metric) return undefined;
  for (const p of metric.declaration.properties) {
    if (p.kind === "service" && !broken(context, p)) return context.resolve(p.service, "service");
  }
  return undefined;
}

/** Up to `limit` names of declarations of a kind, in program order, for fixes that name one. */
export function namesOf(
  context: RuleContext,
  kind: Declaration["kind"],
  filter: (declaration: Declaration) => boolean = () => true,
  limit = 5,
): string[] {
  const names: string[] = [];
  for (const { declaration } of context.binding.declarations) {
    if (names.length >= limit) break;
    if (
      declaration.kind === kind &&
      declaration.name &&
      filter(declaration) &&
      !names.includes(declaration.name.text)
    ) {
      names.push(declaration.name.text);
    }
  }
  return names;
}

/**
 * The property and literal walkers the value and limit rules share (a helper module: it registers
 * no rule), and what makes a date or a time of day exist.
 */
import { MONTH_NAMES } from "../../dates.ts";
import { LITERAL_FIELDS } from "../../definition/index.ts";
import type {
  DateLiteral,
  DurationLiteral,
  MoneyLiteral,
  NumberLiteral,
  PercentageLiteral,
  Property,
  TimeLiteral,
  WindowNode,
} from "../../syntax/ast.ts";
import type { RuleContext } from "../context.ts";
import { broken } from "./support.ts";

export type Literal =
  | PercentageLiteral
  | DurationLiteral
  | MoneyLiteral
  | DateLiteral
  | TimeLiteral
  | NumberLiteral
  | WindowNode;

/**
 * Calls `visit` for every literal of a property (and of the maintenance properties inside an
 * `exclude`), and for every window, skipping anything the parser had to recover. The fields are
 * read off the definition's value slots; a test keeps it in step with the AST.
 */
export function forEachLiteral(p: Property, visit: (literal: Literal) => void): void {
  // The two irregular forms: a credit's threshold sits in its condition, an exclusion holds properties.
  if (p.kind === "credit") {
    one(p.percentage, visit);
    one(p.amount, visit);
    if (p.condition?.kind === "threshold") {
      one(p.condition.threshold, visit);
      one(p.condition.bound?.threshold, visit);
    }
    if (p.condition?.kind === "each unit") one(p.condition.unit, visit);
    if (p.condition?.kind === "breaches") {
      one(p.condition.from, visit);
      one(p.condition.to, visit);
      windowLiterals(p.condition.window, visit);
    }
    return;
  }
  if (p.kind === "exclude") {
    for (const m of p.properties) if (!m.recovered) forEachLiteral(m, visit);
    return;
  }
  const fields = LITERAL_FIELDS[p.kind];
  if (!fields) return;
  const values = p as unknown as Record<string, Literal | Literal[] | undefined>;
  // indexed loops: the walk visits every property of every check
  for (let i = 0; i < fields.length; i++) {
    const { field, list, window } = fields[i];
    const value = values[field];
    if (list) {
      const items = (value as Literal[] | undefined) ?? [];
      for (let j = 0; j < items.length; j++) one(items[j], visit);
    } else if (window) windowLiterals(value as WindowNode | undefined, visit);
    else one(value as Literal | undefined, visit);
  }
}

/**
 * Every checked property of one kind, in program order, with its file: a rule about one kind reads
 * only those nodes instead of testing the kind of every property of the program.
 */
export function forEachCheckedPropertyOf<K extends Property["kind"]>(
  context: RuleContext,
  kind: K,
  visit: (property: Extract<Property, { kind: K }>, uri: string) => void,
): void {
  const found = checkedOf(context).propertiesByKind.get(kind);
  if (!found) return;
  const { properties, uris } = found;
  for (let i = 0; i < properties.length; i++) visit(properties[i] as Extract<Property, { kind: K }>, uris[i]);
}

/** Every checked literal of one kind (windows included), in program order, with its property and file. */
export function forEachCheckedLiteralOf<K extends Literal["kind"]>(
  context: RuleContext,
  kind: K,
  visit: (literal: Extract<Literal, { kind: K }>, uri: string, property: Property) => void,
): void {
  const found = checkedOf(context).literalsByKind.get(kind);
  if (!found) return;
  const { literals, properties, uris } = found;
  for (let i = 0; i < literals.length; i++) visit(literals[i] as Extract<Literal, { kind: K }>, uris[i], properties[i]);
}

/**
 * True when some checked property of a kind passes `test` (exists, without one). A rule about a
 * property most contracts never write returns at once when there is none, instead of walking every
 * declaration to find none.
 */
export function someCheckedProperty<K extends Property["kind"]>(
  context: RuleContext,
  kind: K,
  test?: (property: Extract<Property, { kind: K }>) => boolean,
): boolean {
  const found = checkedOf(context).propertiesByKind.get(kind);
  if (!found) return false;
  return !test || found.properties.some((p) => test(p as Extract<Property, { kind: K }>));
}

/** True when a declaration of the program holds a property of a kind, broken or not. */
export function isWritten(context: RuleContext, kind: Property["kind"]): boolean {
  return checkedOf(context).propertiesByKind.has(kind) || hasBrokenProperty(context, kind);
}

/** True when a declaration of the program holds a broken property of a kind (see `broken`). */
export function hasBrokenProperty(context: RuleContext, kind: Property["kind"]): boolean {
  return checkedOf(context).brokenKinds.has(kind);
}

/** The checked properties and literals of a check by kind, each in program order (parallel arrays). */
interface Checked {
  /** The kinds of the declarations' own properties that are broken (not those inside an `exclude`). */
  brokenKinds: Set<string>;
  propertiesByKind: Map<string, { properties: Property[]; uris: string[] }>;
  literalsByKind: Map<string, { literals: Literal[]; properties: Property[]; uris: string[] }>;
}

// A dozen rules read the properties or literals of a kind: the walk is done once per check and replayed.
const checkedByContext = new WeakMap<RuleContext, Checked>();

function checkedOf(context: RuleContext): Checked {
  // asked many times per rule: the last check's walk is kept at hand (a WeakMap lookup each time adds up)
  if (lastCheckedContext === context) return lastChecked!;
  let checked = checkedByContext.get(context);
  if (!checked) {
    checked = collectChecked(context);
    checkedByContext.set(context, checked);
  }
  lastCheckedContext = context;
  lastChecked = checked;
  return checked;
}

let lastCheckedContext: RuleContext | undefined;
let lastChecked: Checked | undefined;

function collectChecked(context: RuleContext): Checked {
  const found: Checked = {
    brokenKinds: new Set(),
    propertiesByKind: new Map(),
    literalsByKind: new Map(),
  };
  // one visitor for the whole walk (not a closure per property): the property and file it is in
  // are the walk's current ones
  let property: Property;
  let uri: string;
  const visit = (literal: Literal): void => {
    let literalsOfKind = found.literalsByKind.get(literal.kind);
    if (!literalsOfKind) {
      literalsOfKind = { literals: [], properties: [], uris: [] };
      found.literalsByKind.set(literal.kind, literalsOfKind);
    }
    literalsOfKind.literals.push(literal);
    literalsOfKind.properties.push(property);
    literalsOfKind.uris.push(uri);
  };
  const declarations = context.binding.declarations;
  for (let i = 0; i < declarations.length; i++) {
    uri = declarations[i].uri;
    const properties = declarations[i].declaration.properties;
    for (let j = 0; j < properties.length; j++) {
      const p = properties[j];
      if (broken(context, p)) {
        found.brokenKinds.add(p.kind);
        continue;
      }
      property = p;
      let ofKind = found.propertiesByKind.get(p.kind);
      if (!ofKind) {
        ofKind = { properties: [], uris: [] };
        found.propertiesByKind.set(p.kind, ofKind);
      }
      ofKind.properties.push(p);
      ofKind.uris.push(uri);
      forEachLiteral(p, visit);
    }
  }
  return found;
}

function one(node: Literal | undefined, visit: (literal: Literal) => void): void {
  if (node && !node.recovered) visit(node);
}

function windowLiterals(window: WindowNode | undefined, visit: (literal: Literal) => void): void {
  if (window && !window.recovered) {
    visit(window);
    one(window.length, visit);
    one(window.startDay, visit);
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a date does not exist, or `undefined` when it does. */
export function impossibleDateReason(date: { year: number; month: number; day: number }): string | undefined {
  if (date.month < 1 || date.month > 12) return `there is no month ${date.month}`;
  if (date.day < 1) return "there is no day 0";
  const days = daysInMonth(date.year, date.month);
  if (date.day > days) return `${MONTH_NAMES[date.month - 1]} ${date.year} has ${days} days`;
  return undefined;
}

export function isPossibleTime(time: { hour: number; minute: number }): boolean {
  if (time.minute > 59 || time.hour > 24) return false;
  return time.hour < 24 || time.minute === 0;
}

export function minutesOf(time: TimeLiteral): number {
  return time.hour * 60 + time.minute;
}

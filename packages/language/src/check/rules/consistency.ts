/**
 * Consistency (brief §3.5): the budget arithmetic. An availability target implies a downtime budget
 * for each length its window can have; outage limits, incident limits, maintenance allowances and
 * termination thresholds are checked against it and against each other, exactly (decimal.js).
 *
 * Budgets are on scheduled time (the same computation as the bundle, the contract and the engine):
 * for a 24x7 service each length the window can have; for a service on a calendar, the windows of
 * the term with the least and the most working time. Limits are compared only with a target of the
 * same window. Business time, months and years have no fixed length and are compared only with
 * the same unit.
 */
import { formatDurationShort, windowLengthLabel, windowLengthsInDays, windowPeriodLabel } from "../../budget/budget.ts";
import { type Decimal, plain, toDecimal } from "../../budget/decimal.ts";
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { RelatedLocation } from "../../diagnostics/diagnostic.ts";
import type { DurationLiteral, HoursSpec, PercentageLiteral, WindowNode } from "../../syntax/ast.ts";
import { ConsistencyDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule, RuleContext } from "../context.ts";
import {
  broken,
  damaged,
  completeWindow,
  isZeroText,
  type Located,
  metricOf,
  metricTypeOf,
  rollingDays,
  sameWindow,
  seconds,
  serviceOf,
  textOf,
} from "./support.ts";
import { someCheckedProperty } from "./literals.ts";

type Objective = Located<DeclarationOf<"objective">>;

/** An availability objective's target: `target at least 99.9% per calendar month`. */
interface AvailabilityTarget {
  objective: Objective;
  name: string;
  literal: PercentageLiteral;
  percent: Decimal;
  /** `above` allows strictly less than the budget. */
  strict: boolean;
  window: WindowNode;
  /** The budget for each length of the window (24x7), or of the least and most scheduled windows, smallest first. */
  budgets: Budget[];
}

interface Budget {
  days: number;
  seconds: Decimal;
  /** A service on a calendar: `2026-02 (392 scheduled hours)`. */
  label?: string;
}

/** The calendar a service's `hours` name, or "24x7"; undefined when the hours cannot be read. */
function hoursOf(context: RuleContext, objective: Objective): DeclarationOf<"calendar"> | "24x7" | undefined {
  const service = serviceOf(context, objective.declaration);
  if (!service || damaged(context, service.declaration)) return undefined;
  const hours = service.declaration.properties.filter((p) => p.kind === "hours");
  if (hours.length === 0) return "24x7";
  const spec = hours[0].kind === "hours" && !broken(context, hours[0]) ? hours[0].hours : undefined;
  if (spec?.kind === "Always") return "24x7";
  const calendar = spec ? context.resolve(spec, "calendar") : undefined;
  return calendar && !damaged(context, calendar.declaration) ? calendar.declaration : undefined;
}

/**
 * The target's budgets, from the contract model (the one budget computation the bundle, the
 * contract and the engine use), when the service's hours can be read.
 */
function budgetsOf(context: RuleContext, objective: Objective): Budget[] {
  if (hoursOf(context, objective) === undefined) return [];
  const budgets = context.model.objectiveOf(objective.declaration)?.budgets ?? [];
  let converted = decimalBudgets.get(budgets);
  if (converted === undefined) {
    converted = budgets.map((b) => ({
      days: b.days,
      seconds: toDecimal(b.seconds),
      label:
        b.window === undefined
          ? undefined
          : `${b.window} (${plain(toDecimal(b.scheduled ?? "0").div(3600))} scheduled hours)`,
    }));
    decimalBudgets.set(budgets, converted);
  }
  return converted;
}

const HUNDRED = toDecimal("100");

/** The model shares one budget list among the objectives with the same target and schedule; so does this rule. */
const decimalBudgets = new WeakMap<readonly unknown[], Budget[]>();

function windowLengths(window: WindowNode): number[] {
  return windowLengthsInDays(window.period, rollingDays(window));
}

function windowLabel(window: WindowNode): string {
  return windowPeriodLabel(window.period, rollingDays(window));
}

function availabilityTarget(context: RuleContext, objective: Objective): AvailabilityTarget | undefined {
  const metric = metricOf(context, objective.declaration);
  if (!metric || metricTypeOf(context, metric.declaration)?.type !== "availability" || !objective.declaration.name)
    return undefined;
  for (const p of objective.declaration.properties) {
    if (
      p.kind !== "target" ||
      broken(context, p) ||
      !p.comparator ||
      p.value?.kind !== "Percentage" ||
      p.value.recovered
    )
      continue;
    const window = completeWindow(p.window);
    if (!window || windowLengths(window).length === 0) return undefined;
    if (p.comparator.op !== "at least" && p.comparator.op !== "above") return undefined;
    const percentText = p.value.value;
    const percent = toDecimal(percentText);
    if (percent.greaterThan(HUNDRED)) return undefined;
    const budgets = budgetsOf(context, objective);
    if (budgets.length === 0) return undefined;
    return {
      objective,
      name: objective.declaration.name.text,
      literal: p.value,
      percent,
      strict: p.comparator.op === "above",
      window,
      budgets,
    };
  }
  return undefined;
}

/** Objectives by the service they are about, and the availability targets (with budgets) of each. */
interface Index {
  byService: Map<string, Objective[]>;
  availability: Map<string, AvailabilityTarget[]>;
}

function buildIndex(context: RuleContext): Index {
  const index: Index = { byService: new Map(), availability: new Map() };
  for (const objective of context.declarations("objective")) {
    const service = serviceOf(context, objective.declaration)?.declaration.name?.text;
    if (!service) continue;
    const list = index.byService.get(service) ?? [];
    index.byService.set(service, list);
    list.push(objective);
    const target = availabilityTarget(context, objective);
    if (target) {
      const targets = index.availability.get(service) ?? [];
      index.availability.set(service, targets);
      targets.push(target);
    }
  }
  return index;
}

function targetRelated(target: AvailabilityTarget): RelatedLocation {
  return {
    uri: target.objective.uri,
    range: target.literal.range,
    message: `The target of '${target.name}' is ${target.strict ? "above" : "at least"} ${target.literal.value}%`,
  };
}

/** SLA6001–SLA6004: outage limits and maintenance allowances against the availability budget. */
export const outageBudgetRule: Rule = (context) => {
  let index: Index | undefined;
  const getIndex = () => {
    index ??= buildIndex(context);
    return index;
  };
  // The smallest allowance of each service, found once for all its incident limits; its words are
  // built only when it is reported.
  type Allowance =
    | { seconds: Decimal; strict: false; other: Objective; limit: DurationLiteral; window: WindowNode }
    | { seconds: Decimal; strict: boolean; target: AvailabilityTarget };
  const smallestOfService = new Map<string, Allowance | undefined>();
  const daySeconds = new Map<number, Decimal>();

  for (const objective of context.declarations("objective")) {
    const { uri, declaration } = objective;
    for (const p of declaration.properties) {
      if (broken(context, p)) continue;
      if (p.kind === "max total outage") checkTotalOutage(objective, p.duration, p.window);
      else if (p.kind === "max outage per incident") checkIncident(objective, p.duration);
      else if (p.kind === "exclude") {
        for (const m of p.properties)
          if (m.kind === "allowance" && !broken(context, m)) checkAllowance(uri, m.duration, m.window);
      }
    }
  }
  for (const { uri, declaration } of context.declarations("service")) {
    for (const p of declaration.properties) {
      if (p.kind !== "exclude" || broken(context, p)) continue;
      for (const m of p.properties)
        if (m.kind === "allowance" && !broken(context, m)) checkAllowance(uri, m.duration, m.window);
    }
  }

  /** SLA6001: `max total outage D per W` looser than the availability budget of W. */
  function checkTotalOutage(
    objective: Objective,
    duration: DurationLiteral | undefined,
    windowNode: WindowNode | undefined,
  ): void {
    const limit = seconds(duration);
    const window = completeWindow(windowNode);
    if (!duration || !limit || !window) return;
    const service = serviceOf(context, objective.declaration)?.declaration.name?.text;
    if (!service) return;
    for (const target of getIndex().availability.get(service) ?? []) {
      if (!sameWindow(target.window, window)) continue;
      const budgets = target.budgets;
      const shortest = budgets[0];
      const looser = target.strict ? limit.greaterThanOrEqualTo(shortest.seconds) : limit.greaterThan(shortest.seconds);
      if (!looser) continue;
      const longest = budgets[budgets.length - 1];
      const say = (b: Budget) =>
        `${formatDurationShort(b.seconds)} in ${b.label ?? `a ${windowLengthLabel(window.period, b.days)}`}`;
      context.report(
        createDiagnostic(
          ConsistencyDiagnostics.outageLimitLooserThanTarget,
          {
            limit: textOf(context, objective.uri, duration.range),
            window: windowLabel(window),
            target: target.literal.value,
            objective: target.name,
            allows: target.strict ? "allows less than" : "allows at most",
            budgets: budgets.length > 1 ? `${say(shortest)} and ${say(longest)}` : say(shortest),
          },
          objective.uri,
          duration.range,
          { related: [targetRelated(target)] },
        ),
      );
    }
  }

  /** SLA6002: `max outage per incident` longer than the smallest total allowance of its service. */
  function checkIncident(objective: Objective, duration: DurationLiteral | undefined): void {
    const incident = seconds(duration);
    if (!duration || !incident) return;
    const service = serviceOf(context, objective.declaration)?.declaration.name?.text;
    let smallest: Allowance | undefined;
    if (service === undefined) smallest = smallestAllowance(objective, undefined);
    else if (smallestOfService.has(service)) smallest = smallestOfService.get(service);
    else {
      smallest = smallestAllowance(objective, service);
      smallestOfService.set(service, smallest);
    }
    if (!smallest) return;
    const longer = smallest.strict
      ? incident.greaterThanOrEqualTo(smallest.seconds)
      : incident.greaterThan(smallest.seconds);
    if (!longer) return;
    reportIncident(objective, duration, smallest);
  }

  /** The smallest total allowance of a service's objectives and availability targets (of one objective without a service). */
  function smallestAllowance(objective: Objective, service: string | undefined): Allowance | undefined {
    const objectives = service ? (getIndex().byService.get(service) ?? [objective]) : [objective];
    let smallest: Allowance | undefined;
    for (const other of objectives) {
      for (const p of other.declaration.properties) {
        if (p.kind !== "max total outage" || broken(context, p) || !p.duration) continue;
        const total = seconds(p.duration);
        if (total?.isZero()) continue; // reported as a zero duration (SLA4009)
        const window = completeWindow(p.window);
        if (total && window && (!smallest || total.lessThan(smallest.seconds))) {
          smallest = { seconds: total, strict: false, other, limit: p.duration, window };
        }
      }
    }
    if (service) {
      for (const target of getIndex().availability.get(service) ?? []) {
        const budget = target.budgets[0].seconds;
        if (!smallest || budget.lessThan(smallest.seconds))
          smallest = { seconds: budget, strict: target.strict, target };
      }
    }
    return smallest;
  }

  function reportIncident(objective: Objective, duration: DurationLiteral, smallest: Allowance): void {
    let allowance: string;
    let related: RelatedLocation;
    if ("target" in smallest) {
      const { target } = smallest;
      const shortest = target.budgets[0];
      allowance = `the ${formatDurationShort(shortest.seconds)} that the ${target.literal.value}% target of '${target.name}' allows in ${shortest.label ?? `a ${windowLengthLabel(target.window.period, shortest.days)}`}`;
      related = targetRelated(target);
    } else {
      const { other, limit, window } = smallest;
      const what = `max total outage of ${textOf(context, other.uri, limit.range)} per ${windowLabel(window)}`;
      allowance = `the ${what}${other === objective ? "" : ` of '${other.declaration.name?.text}'`}`;
      related = { uri: other.uri, range: limit.range, message: `The total allowance is ${what}` };
    }
    context.report(
      createDiagnostic(
        ConsistencyDiagnostics.incidentLongerThanAllowance,
        { incident: textOf(context, objective.uri, duration.range), allowance },
        objective.uri,
        duration.range,
        { related: [related] },
      ),
    );
  }

  /** The seconds in a number of days, each worked out once per check. */
  function secondsInDays(days: number): Decimal {
    let value = daySeconds.get(days);
    if (value === undefined) {
      value = toDecimal(days).times(86_400);
      daySeconds.set(days, value);
    }
    return value;
  }

  /** SLA6004: a maintenance allowance longer than the shortest window it is allowed per. */
  function checkAllowance(
    uri: string,
    duration: DurationLiteral | undefined,
    windowNode: WindowNode | undefined,
  ): void {
    const allowance = seconds(duration);
    const window = completeWindow(windowNode);
    if (!duration || !allowance || !window) return;
    const days = windowLengths(window)[0];
    if (days === undefined || !allowance.greaterThan(secondsInDays(days))) return;
    const shortest =
      window.period === "week"
        ? "a week (7 days)"
        : `a ${windowLengthLabel(window.period, days)}${window.period === "rolling" ? "" : ` (the shortest ${window.period})`}`;
    context.report(
      createDiagnostic(
        ConsistencyDiagnostics.allowanceLongerThanWindow,
        { allowance: textOf(context, uri, duration.range), window: windowLabel(window), shortest },
        uri,
        duration.range,
      ),
    );
  }
};

/** SLA6003: resolution no shorter than response. */
export const supportTimesRule: Rule = (context) => {
  for (const { uri, declaration } of context.declarations("objective")) checkSupport(context, uri, declaration);
};

/** SLA6006: one objective, one way of being measured. */
export const objectiveKindsRule: Rule = (context) => {
  for (const objective of context.declarations("objective")) checkKinds(context, objective);
};

/** SLA6005: a termination threshold that can be reached. */
export const terminationRule: Rule = (context) => {
  // only a contract that writes the property can break this rule (see someCheckedProperty)
  if (!someCheckedProperty(context, "terminate")) return;
  for (const { uri, declaration } of context.declarations("remedy")) checkTermination(context, uri, declaration);
};

/**
 * SLA6006: an objective is evaluated one way: an availability target (with or without outage
 * limits), outage limits, a measured metric's target, or support terms. Two of these that are
 * not evaluated together would leave one silently out of the bundle's evaluation.
 */
function checkKinds(context: RuleContext, objective: Objective): void {
  const { uri, declaration } = objective;
  if (damaged(context, declaration) || !declaration.name) return;
  // the first property of each way of being measured, in one pass
  type P = DeclarationOf<"objective">["properties"][number];
  let target: P | undefined;
  let limits: P | undefined;
  let support: P | undefined;
  for (const p of declaration.properties) {
    const kind = p.kind;
    if (kind === "target") target ??= p;
    else if (kind === "max outage per incident" || kind === "max total outage") limits ??= p;
    else if (kind === "severity" || kind === "response" || kind === "resolution" || kind === "tickets") support ??= p;
  }
  // two ways at least, or nothing can clash
  if (support ? !target && !limits : !(target && limits)) return;
  const metric = metricOf(context, declaration);
  const type = metric ? metricTypeOf(context, metric.declaration)?.type : undefined;
  const targetWords = `a target on ${type ? `the ${type} metric` : "a metric"}`;
  let clash: [string, typeof target] | undefined;
  if (support && target) clash = [targetWords, support];
  else if (support && limits) clash = ["outage limits", support];
  else if (target && limits && type !== undefined && type !== "availability") clash = [targetWords, limits];
  if (!clash) return;
  const second = clash[1]!;
  const secondWords =
    second.kind === "max outage per incident" || second.kind === "max total outage" ? "outage limits" : "support terms";
  context.report(
    createDiagnostic(
      ConsistencyDiagnostics.rulesEvaluatedApart,
      { objective: declaration.name.text, first: clash[0], second: secondWords },
      uri,
      second.keyword,
    ),
  );
}

/** SLA6003: resolution within less time than response, when the two are comparable. */
function checkSupport(context: RuleContext, uri: string, objective: DeclarationOf<"objective">): void {
  const response = objective.properties.find((p) => p.kind === "response" && !broken(context, p));
  const resolution = objective.properties.find((p) => p.kind === "resolution" && !broken(context, p));
  if (response?.kind !== "response" || resolution?.kind !== "resolution") return;
  if (!response.duration || !resolution.duration || duringKey(response.during) !== duringKey(resolution.during)) return;
  if (isZeroText(response.duration.amount) || isZeroText(resolution.duration.amount)) return; // SLA4009
  const order = compareDurations(resolution.duration, response.duration);
  if (order === undefined || order >= 0) return;
  const responseText = textOf(context, uri, response.duration.range);
  context.report(
    createDiagnostic(
      ConsistencyDiagnostics.resolutionBeforeResponse,
      { resolution: textOf(context, uri, resolution.duration.range), response: responseText },
      uri,
      resolution.duration.range,
      { related: [{ uri, range: response.duration.range, message: `The response target is ${responseText}` }] },
    ),
  );
}

/** SLA6005: `terminate when breached N times within M` with fewer than N windows in M. */
function checkTermination(context: RuleContext, uri: string, remedy: DeclarationOf<"remedy">): void {
  const forProperty = remedy.properties.find((p) => p.kind === "for" && !broken(context, p));
  const objective = forProperty?.kind === "for" ? context.resolve(forProperty.objective, "objective") : undefined;
  if (!objective?.declaration.name) return;
  const window = breachWindow(context, objective.declaration);
  if (!window) return;
  for (const p of remedy.properties) {
    if (p.kind !== "terminate" || broken(context, p) || !p.times || !p.within || p.within.recovered) continue;
    const count = toDecimal(p.times.value);
    if (!count.isInteger() || !count.isPositive()) continue;
    if (isZeroText(p.within.amount)) continue; // SLA4009
    const windows = windowsWithin(window, p.within);
    if (windows === undefined || count.lessThanOrEqualTo(windows)) continue;
    context.report(
      createDiagnostic(
        ConsistencyDiagnostics.terminationUnreachable,
        {
          objective: objective.declaration.name.text,
          windows,
          times: windows === 1 ? "time" : "times",
          within: textOf(context, uri, p.within.range),
          window: windowLabel(window),
          count: p.times.value,
        },
        uri,
        p.times.range,
        {
          related: [
            {
              uri: objective.uri,
              range: window.range,
              message: `'${objective.declaration.name.text}' is measured ${textOf(context, objective.uri, window.range)}`,
            },
          ],
        },
      ),
    );
  }
}

function duringKey(during: HoursSpec | undefined): string {
  // Without `during`, elapsed time counts: the same as `during 24x7`.
  return during === undefined || during.kind === "Always" ? "24x7" : during.text;
}

/** -1, 0 or 1 when two durations can be compared exactly, else `undefined`. */
export function compareDurations(a: DurationLiteral, b: DurationLiteral): number | undefined {
  const sa = seconds(a);
  const sb = seconds(b);
  if (sa && sb) return sa.comparedTo(sb);
  const months = (d: DurationLiteral) =>
    d.unit === "month" ? toDecimal(d.amount) : d.unit === "year" ? toDecimal(d.amount).times(12) : undefined;
  const ma = months(a);
  const mb = months(b);
  if (ma && mb) return ma.comparedTo(mb);
  if (a.unit === b.unit) return toDecimal(a.amount).comparedTo(b.amount);
  return undefined;
}

/**
 * The one window in which an objective is breached at most once, or `undefined` when it can be
 * breached more often (per incident) or has limits over different windows.
 */
function breachWindow(context: RuleContext, objective: DeclarationOf<"objective">): WindowNode | undefined {
  if (damaged(context, objective)) return undefined;
  let found: WindowNode | undefined;
  for (const p of objective.properties) {
    if (p.kind === "max outage per incident") return undefined;
    if (p.kind !== "target" && p.kind !== "tickets" && p.kind !== "max total outage") continue;
    const window = completeWindow(p.window);
    if (broken(context, p) || !window) return undefined;
    if (found && !sameWindow(found, window)) return undefined;
    found ??= window;
  }
  return found;
}

/** How many windows can end within a span: whole months for calendar windows, whole days for weeks. */
function windowsWithin(window: WindowNode, within: DurationLiteral): number | undefined {
  const amount = toDecimal(within.amount);
  const months = within.unit === "month" ? amount : within.unit === "year" ? amount.times(12) : undefined;
  const days = within.unit === "day" ? amount : within.unit === "week" ? amount.times(7) : undefined;
  const per: Record<string, number> = { "calendar month": 1, "calendar quarter": 3, "calendar year": 12 };
  if (months?.isInteger() && per[window.period]) return months.div(per[window.period]).ceil().toNumber();
  if (days?.isInteger() && window.period === "week") return days.div(7).ceil().toNumber();
  return undefined;
}

export const CONSISTENCY_RULES: Rule[] = [outageBudgetRule, supportTimesRule, objectiveKindsRule, terminationRule];

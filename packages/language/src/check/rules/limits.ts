/**
 * Values the engine cannot evaluate in bounded time (limit-values.ts): durations beyond ten years
 * (the term and renewal beyond a hundred), business time that a calendar needs more than ten
 * years to work, bonuses over more than 120 consecutive windows, outage limits in units
 * without a fixed length (an outage limit is an amount of downtime, compared with downtime
 * budgets to the millisecond), and fractions of months, years and business days. Each a named rule
 * of the registry.
 */
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import { type DurationLiteral, type Property, WEEKDAYS, type Weekday } from "../../syntax/ast.ts";
import { ValueDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule } from "../context.ts";
import {
  type DurationLimitProblem,
  type DurationScope,
  describeWeek,
  durationLimitProblem,
  isFractionOfVariableUnit,
  MAX_CONSECUTIVE_WINDOWS,
  MONDAY_TO_FRIDAY,
  type WeeklyWorkingTime,
  weeklyWorkingTime,
} from "./limit-values.ts";
import { forEachCheckedLiteralOf, forEachCheckedPropertyOf } from "./literals.ts";
import { textOf } from "./support.ts";

const BUSINESS_UNITS: ReadonlySet<string> = new Set(["business day", "business hour"]);
const FIXED_UNITS: ReadonlySet<string> = new Set(["millisecond", "second", "minute", "hour", "day", "week"]);

/** The outage limits and maintenance allowances of a property: amounts of downtime. */
function outageLimitsOf(property: Property): readonly { duration: DurationLiteral; what: string }[] {
  const kind = property.kind;
  if (kind !== "max outage per incident" && kind !== "max total outage" && kind !== "exclude") return NO_LIMITS;
  const limits: { duration: DurationLiteral; what: string }[] = [];
  if (kind !== "exclude" && property.duration && !property.duration.recovered) {
    limits.push({ duration: property.duration, what: "an outage limit" });
  }
  if (property.kind === "exclude")
    for (const m of property.properties)
      if (m.kind === "allowance" && !m.recovered && m.duration && !m.duration.recovered) {
        limits.push({ duration: m.duration, what: "a maintenance allowance" });
      }
  return limits;
}

/** True when a duration of a property is one of its outage limits or maintenance allowances. */
function isOutageLimit(property: Property, duration: DurationLiteral): boolean {
  if (property.kind === "max outage per incident" || property.kind === "max total outage")
    return property.duration === duration;
  if (property.kind !== "exclude") return false;
  for (const m of property.properties)
    if (m.kind === "allowance" && !m.recovered && m.duration === duration) return true;
  return false;
}

/** A question `limitProblem` has not answered yet (its answers include `undefined`: no problem). */
const UNASKED = Symbol("unasked");
type Answer = DurationLimitProblem | undefined | typeof UNASKED;

const NO_LIMITS: readonly { duration: DurationLiteral; what: string }[] = Object.freeze([]);

/** Outage limits and maintenance allowances in units of a fixed length. */
export const outageLimitUnitsRule: Rule = (context) => {
  // only these kinds hold outage limits (see outageLimitsOf): their nodes, not every property's
  const check = (property: Property, uri: string) => {
    for (const { duration, what } of outageLimitsOf(property)) {
      if (FIXED_UNITS.has(duration.unit)) continue;
      context.report(
        createDiagnostic(
          ValueDiagnostics.outageLimitNotFixed,
          { duration: textOf(context, uri, duration.range), what },
          uri,
          duration.range,
        ),
      );
    }
  };
  forEachCheckedPropertyOf(context, "max outage per incident", check);
  forEachCheckedPropertyOf(context, "max total outage", check);
  forEachCheckedPropertyOf(context, "exclude", check);
};

/** A bonus over at most MAX_CONSECUTIVE_WINDOWS consecutive windows. */
export const consecutiveLimitRule: Rule = (context) => {
  forEachCheckedPropertyOf(context, "bonus", (property, uri) => {
    if (!property.consecutive || !/^\d+(\.0*)?$/.test(property.consecutive.value)) return;
    const value = property.consecutive.value.replace(/\.0*$/, "");
    if (value.replace(/^0+/, "").length > 3 || Number(value) > MAX_CONSECUTIVE_WINDOWS) {
      context.report(
        createDiagnostic(
          ValueDiagnostics.countTooLarge,
          { what: "The number of consecutive months", value, max: String(MAX_CONSECUTIVE_WINDOWS) },
          uri,
          property.consecutive.range,
        ),
      );
    }
  });
};

/**
 * Durations the engine can work out: no fractions of months, years or business days, nothing
 * beyond the limits, business time a calendar works in bounded time.
 */
export const durationLimitsRule: Rule = (context) => {
  const weeks = new Map<string, WeeklyWorkingTime>();
  const problems = new Map<WeeklyWorkingTime, Map<string, Map<string, Answer[]>>>();
  const agreement = context.agreement();
  const businessCalendar = agreement?.declaration.properties.find((p) => p.kind === "business calendar");
  const agreementCalendar =
    businessCalendar?.kind === "business calendar" ? context.resolve(businessCalendar.calendar, "calendar") : undefined;

  // Outage limits in units without a fixed length get SLA4017, rolling windows not in days or
  // weeks SLA4013: one diagnostic for one fault.
  const notInDays = new Set<DurationLiteral>();
  forEachCheckedLiteralOf(context, "Window", (window) => {
    if (window.length && window.length.unit !== "day" && window.length.unit !== "week") notInDays.add(window.length);
  });
  forEachCheckedLiteralOf(context, "Duration", (literal, uri, property) => {
    if (notInDays.size > 0 && notInDays.has(literal)) return;
    if (!isOutageLimit(property, literal) && isFractionOfVariableUnit(literal)) {
      context.report(
        createDiagnostic(
          ValueDiagnostics.fractionOfVariableUnit,
          { duration: textOf(context, uri, literal.range), unit: literal.unit },
          uri,
          literal.range,
        ),
      );
      return;
    }
    const scope: DurationScope = property.kind === "term" || property.kind === "renewal" ? "term" : "span";
    checkDuration(literal, uri, property, scope);
  });

  function checkDuration(duration: DurationLiteral, uri: string, property: Property, scope: DurationScope): void {
    const named =
      (property.kind === "response" || property.kind === "resolution") && property.during?.kind === "Identifier"
        ? property.during
        : undefined;
    const during = named ? context.resolve(named, "calendar") : undefined;
    const countsWorkingTime = named !== undefined;
    const calendar = named ? during : agreementCalendar;
    // A calendar that does not resolve is reported as such; time counted on it has no known length.
    const unknownCalendar = named ? !during : businessCalendar !== undefined && !agreementCalendar;
    const onCalendar = BUSINESS_UNITS.has(duration.unit) || (countsWorkingTime && FIXED_UNITS.has(duration.unit));
    if (unknownCalendar && onCalendar) return;
    const week = calendar ? weekOf(calendar.declaration) : MONDAY_TO_FRIDAY;
    const problem = limitProblem(duration, scope, week, countsWorkingTime);
    if (!problem) return;
    const text = textOf(context, uri, duration.range);
    if (problem.kind === "too long") {
      const what = scope === "term" ? "term or renewal" : "duration";
      context.report(
        createDiagnostic(
          ValueDiagnostics.durationTooLong,
          { duration: text, max: problem.max, what },
          uri,
          duration.range,
        ),
      );
      return;
    }
    context.report(
      createDiagnostic(
        ValueDiagnostics.businessTimeTooLong,
        {
          duration: text,
          calendar: calendar?.declaration.name?.text ?? "Monday to Friday",
          week: describeWeek(problem.weekly),
          max: problem.max,
        },
        uri,
        duration.range,
      ),
    );
  }

  /** `durationLimitProblem`, once per distinct question: a contract repeats a few durations many times. */
  function limitProblem(
    duration: DurationLiteral,
    scope: DurationScope,
    week: WeeklyWorkingTime,
    countsWorkingTime: boolean,
  ): DurationLimitProblem | undefined {
    // by week, unit and amount (no key text to build per duration), then one slot per scope and way of counting
    let byUnit = problems.get(week);
    if (!byUnit) {
      byUnit = new Map();
      problems.set(week, byUnit);
    }
    let byAmount = byUnit.get(duration.unit);
    if (!byAmount) {
      byAmount = new Map();
      byUnit.set(duration.unit, byAmount);
    }
    let answers = byAmount.get(duration.amount);
    if (!answers) {
      answers = [UNASKED, UNASKED, UNASKED, UNASKED];
      byAmount.set(duration.amount, answers);
    }
    const slot = (scope === "term" ? 2 : 0) + (countsWorkingTime ? 1 : 0);
    let problem = answers[slot];
    if (problem === UNASKED) {
      problem = durationLimitProblem(duration, scope, week, countsWorkingTime);
      answers[slot] = problem;
    }
    return problem;
  }

  function weekOf(calendar: DeclarationOf<"calendar">): WeeklyWorkingTime {
    const key = calendar.name?.text ?? "";
    const known = weeks.get(key);
    if (known) return known;
    const spans: { day: number; from: number; to: number }[] = [];
    for (const p of calendar.properties) {
      if (p.kind !== "working hours" || !p.from || !p.to || p.from.recovered || p.to.recovered) continue;
      const from = p.from.hour * 60 + p.from.minute;
      const to = p.to.hour * 60 + p.to.minute;
      for (const span of p.days) for (const day of daysOf(span.from, span.to)) spans.push({ day, from, to });
    }
    const week = weeklyWorkingTime(spans);
    weeks.set(key, week);
    return week;
  }
};

/** `monday to friday` as day numbers 0–6, wrapping past Sunday as the compiler does. */
function daysOf(from: Weekday, to: Weekday): number[] {
  const days: number[] = [];
  const end = WEEKDAYS.indexOf(to);
  for (let i = WEEKDAYS.indexOf(from); ; i = (i + 1) % 7) {
    days.push(i);
    if (i === end || days.length === 7) return days;
  }
}

/**
 * Values the engine cannot evaluate in bounded time (limit-values.ts): durations beyond ten years
 * (the term and renewal beyond a hundred), business time that a calendar needs more than ten
 * years to work, bonuses over more than 120 consecutive windows, outage limits in units
 * without a fixed length (an outage limit is an amount of downtime, compared with downtime
 * budgets to the millisecond), and fractions of months, years and business days.
 */
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import { type DurationLiteral, type Property, WEEKDAYS, type Weekday } from "../../syntax/ast.ts";
import { ValueDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule } from "../context.ts";
import {
  type DurationScope,
  describeWeek,
  durationLimitProblem,
  isFractionOfVariableUnit,
  MAX_CONSECUTIVE_WINDOWS,
  MONDAY_TO_FRIDAY,
  type WeeklyWorkingTime,
  weeklyWorkingTime,
} from "./limit-values.ts";
import { broken, textOf } from "./support.ts";
import { forEachLiteral } from "./values.ts";

const BUSINESS_UNITS: ReadonlySet<string> = new Set(["business day", "business hour"]);
const FIXED_UNITS: ReadonlySet<string> = new Set(["millisecond", "second", "minute", "hour", "day", "week"]);

const OUTAGE_LIMITS: Partial<Record<Property["kind"], string>> = {
  "max outage per incident": "an outage limit",
  "max total outage": "an outage limit",
};

export const limitsRule: Rule = (context) => {
  const weeks = new Map<string, WeeklyWorkingTime>();
  const agreement = context.agreement();
  const businessCalendar = agreement?.declaration.properties.find((p) => p.kind === "business calendar");
  const agreementCalendar =
    businessCalendar?.kind === "business calendar" ? context.resolve(businessCalendar.calendar, "calendar") : undefined;

  for (const { uri, declaration } of context.binding.declarations) {
    for (const property of declaration.properties) {
      if (broken(context, property)) continue;
      const scope: DurationScope = property.kind === "term" || property.kind === "renewal" ? "term" : "span";
      // Outage limits in units without a fixed length get SLA4017, rolling windows not in days or
      // weeks SLA4013: one diagnostic for one fault.
      const outageLimits = new Set<DurationLiteral>();
      const outageLimit = OUTAGE_LIMITS[property.kind];
      if (outageLimit && "duration" in property && property.duration && !property.duration.recovered) {
        outageLimits.add(property.duration);
        checkFixed(property.duration, uri, outageLimit);
      }
      if (property.kind === "exclude")
        for (const m of property.properties)
          if (m.kind === "allowance" && !m.recovered && m.duration && !m.duration.recovered) {
            outageLimits.add(m.duration);
            checkFixed(m.duration, uri, "a maintenance allowance");
          }
      const notInDays = new Set<DurationLiteral>();
      forEachLiteral(property, (literal) => {
        if (literal.kind === "Window" && literal.length && !["day", "week"].includes(literal.length.unit))
          notInDays.add(literal.length);
        if (literal.kind !== "Duration" || notInDays.has(literal)) return;
        if (!outageLimits.has(literal) && isFractionOfVariableUnit(literal)) {
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
        checkDuration(literal, uri, property, scope);
      });
      if (property.kind === "bonus" && property.consecutive && /^\d+(\.0*)?$/.test(property.consecutive.value)) {
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
      }
    }
  }

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
    const problem = durationLimitProblem(duration, scope, week, countsWorkingTime);
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

  function checkFixed(duration: DurationLiteral, uri: string, what: string): void {
    if (FIXED_UNITS.has(duration.unit)) return;
    context.report(
      createDiagnostic(
        ValueDiagnostics.outageLimitNotFixed,
        { duration: textOf(context, uri, duration.range), what },
        uri,
        duration.range,
      ),
    );
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

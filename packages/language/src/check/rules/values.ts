/**
 * Values and units (brief §3.3): percentages in 0–100, targets in their metric's dimension, one
 * currency, real dates and times, calendar days that end after they start, known time zones,
 * durations longer than zero, percentiles in (0, 100], positive whole counts, business time only
 * with a business calendar, rolling windows in whole days. Each a named rule of the registry.
 */
import { toDecimal } from "../../budget/decimal.ts";
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { DiagnosticFix } from "../../diagnostics/diagnostic.ts";
import { DIMENSION_WORDS, literalDimension } from "../../model/dimension.ts";
import type {
  DurationLiteral,
  MoneyLiteral,
  NumberLiteral,
  PercentageLiteral,
  Property,
  Range,
  WindowNode,
} from "../../syntax/ast.ts";
import { ValueDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule, RuleContext } from "../context.ts";
import { closestName } from "../suggest.ts";
import { ISO_4217_CODES, isCurrencyCode } from "./currencies.ts";
import { objectiveDimension } from "./goals.ts";
import {
  forEachCheckedPropertyOf,
  forEachCheckedLiteralOf,
  impossibleDateReason,
  isPossibleTime,
  minutesOf,
} from "./literals.ts";
import {
  broken,
  damaged,
  exceeds100,
  insertPropertyFix,
  isPositiveWholeNumber,
  isZeroText,
  positionOf,
  textOf,
} from "./support.ts";
import { isTimeZone, listedTimeZones } from "./timezones.ts";

/** Percentages and percentiles within 100 (percentiles above 0 too). */
export const percentagesRule: Rule = (context) => {
  forEachCheckedLiteralOf(context, "Percentage", (literal, uri, property) => {
    // a pool maximum is a sum of allocations, commonly up to 250%
    if (exceeds100(literal.value) && property.kind !== "pool maximum") {
      context.report(
        createDiagnostic(ValueDiagnostics.percentageOutOfRange, { value: literal.value }, uri, literal.range),
      );
    }
  });
  forEachCheckedPropertyOf(context, "type", (property, uri) => {
    if (!property.percentile) return;
    const value = property.percentile.value;
    if (isZeroText(value) || exceeds100(value)) {
      context.report(
        createDiagnostic(ValueDiagnostics.percentileOutOfRange, { value }, uri, property.percentile.range),
      );
    }
  });
};

/** Dates that exist, times of day that exist, working hours that end after they start. */
export const datesAndTimesRule: Rule = (context) => {
  forEachCheckedLiteralOf(context, "Date", (literal, uri) => {
    const reason = impossibleDateReason(literal);
    if (reason) {
      context.report(
        createDiagnostic(ValueDiagnostics.impossibleDate, { date: literal.text, reason }, uri, literal.range),
      );
    }
  });
  forEachCheckedLiteralOf(context, "Time", (literal, uri) => {
    if (!isPossibleTime(literal))
      context.report(createDiagnostic(ValueDiagnostics.impossibleTime, { time: literal.text }, uri, literal.range));
  });
  forEachCheckedPropertyOf(context, "working hours", (property, uri) => {
    const { from, to } = property;
    if (!from || !to || from.recovered || to.recovered || !isPossibleTime(from) || !isPossibleTime(to)) return;
    if (minutesOf(to) > minutesOf(from)) return;
    context.report(
      createDiagnostic(
        ValueDiagnostics.dayEndsBeforeStart,
        { from: from.text, to: to.text, relation: minutesOf(to) === minutesOf(from) ? "the moment" : "before" },
        uri,
        to.range,
        { related: [{ uri, range: from.range, message: `The hours start at ${from.text}` }] },
      ),
    );
  });
};

/** Durations longer than zero; business time only where a business calendar says what it is. */
export const durationsRule: Rule = (context) => {
  const agreement = context.agreement();
  // An agreement the parser had to repair may have lost its `business calendar`: say nothing then.
  const hasBusinessCalendar =
    !agreement ||
    agreement.declaration.properties.some((p) => p.kind === "business calendar") ||
    damaged(context, agreement.declaration);
  let calendars: string[] | undefined;
  const calendarNames = () => {
    calendars ??= context
      .declarations("calendar")
      .flatMap(({ declaration }) => (declaration.name ? [declaration.name.text] : []))
      .slice(0, 5);
    return calendars;
  };

  forEachCheckedLiteralOf(context, "Duration", (duration, uri, property) => {
    if (isZeroText(duration.amount)) {
      const text = textOf(context, uri, duration.range);
      context.report(createDiagnostic(ValueDiagnostics.zeroDuration, { duration: text }, uri, duration.range));
      return;
    }
    if (hasBusinessCalendar || !agreement || !isBusinessTime(duration) || onOwnCalendar(property)) return;
    const text = textOf(context, uri, duration.range);
    const fixes = calendarNames().map((name, i, all) =>
      insertPropertyFix(
        context,
        agreement.uri,
        agreement.declaration,
        `business calendar ${name}`,
        undefined,
        all.length === 1 && i === 0,
      ),
    );
    const agreementName = agreement.declaration.name?.text ?? "";
    context.report(
      createDiagnostic(
        ValueDiagnostics.businessTimeWithoutCalendar,
        { duration: text, agreement: agreementName },
        uri,
        duration.range,
        {
          related: agreement.declaration.name
            ? [
                {
                  uri: agreement.uri,
                  range: agreement.declaration.name.range,
                  message: "The agreement names no business calendar",
                },
              ]
            : [],
          fixes: fixes.filter((f): f is DiagnosticFix => f !== undefined),
        },
      ),
    );
  });
};

function isBusinessTime(duration: DurationLiteral): boolean {
  return duration.unit === "business day" || duration.unit === "business hour";
}

/** Support times `during` a calendar count on that calendar; everything else on the agreement's. */
function onOwnCalendar(property: Property): boolean {
  return (property.kind === "response" || property.kind === "resolution") && property.during?.kind === "Identifier";
}

/** Known currency codes, and amounts in the agreement's currency. */
export const currencyRule: Rule = (context) => {
  const agreement = context.agreement();
  const agreementCurrency = agreement ? currencyOf(context, agreement.declaration.properties) : undefined;
  forEachCheckedLiteralOf(context, "Money", (money, uri) => {
    const fine = isCurrencyCode(money.currency) && (!agreementCurrency || money.currency === agreementCurrency.code);
    if (fine) return;
    const codeRange = currencyCodeRange(context, uri, money);
    if (!isCurrencyCode(money.currency)) {
      context.report(
        createDiagnostic(ValueDiagnostics.unknownCurrency, { code: money.currency, suggestion: "" }, uri, codeRange),
      );
      return;
    }
    if (!agreementCurrency || !agreement) return;
    context.report(
      createDiagnostic(
        ValueDiagnostics.currencyMismatch,
        {
          currency: money.currency,
          agreement: agreement.declaration.name?.text ?? "",
          expected: agreementCurrency.code,
        },
        uri,
        codeRange,
        {
          related: [
            {
              uri: agreement.uri,
              range: agreementCurrency.range,
              message: `The agreement's currency is ${agreementCurrency.code}`,
            },
          ],
          fixes: [
            {
              title: `Change the currency to ${agreementCurrency.code} (check the amount)`,
              edits: [{ uri, range: codeRange, newText: agreementCurrency.code }],
            },
          ],
        },
      ),
    );
  });
  forEachCheckedPropertyOf(context, "currency", (property, uri) => {
    const code = property.code;
    if (!code || code.recovered || isCurrencyCode(code.text)) return;
    const upper = code.text.toUpperCase();
    const suggestion = ISO_4217_CODES.has(upper) ? upper : undefined;
    context.report(
      createDiagnostic(
        ValueDiagnostics.unknownCurrency,
        { code: code.text, suggestion: suggestion ? ` Did you mean '${suggestion}'?` : "" },
        uri,
        code.range,
        {
          fixes: suggestion
            ? [
                {
                  title: `Change to '${suggestion}'`,
                  edits: [{ uri, range: code.range, newText: suggestion }],
                  preferred: true,
                },
              ]
            : [],
        },
      ),
    );
  });
};

/** The agreement's first well-formed currency. */
function currencyOf(context: RuleContext, properties: readonly Property[]): { code: string; range: Range } | undefined {
  for (const p of properties) {
    if (p.kind === "currency" && p.code && !broken(context, p) && isCurrencyCode(p.code.text)) {
      return { code: p.code.text, range: p.code.range };
    }
  }
  return undefined;
}

function currencyCodeRange(context: RuleContext, uri: string, money: MoneyLiteral): Range {
  return { start: money.range.start, end: positionOf(context, uri, money.range.start.offset + money.currency.length) };
}

/** Rolling windows in whole days or weeks. */
export const rollingWindowsRule: Rule = (context) => {
  forEachCheckedLiteralOf(context, "Window", (window, uri) => checkRollingWindow(context, window, uri));
};

function checkRollingWindow(context: RuleContext, window: WindowNode, uri: string): void {
  if (window.period !== "rolling" || !window.length || window.length.recovered) return;
  const amount = window.length.amount;
  if (isZeroText(amount)) return; // reported as a zero duration
  const whole = /^\d+(\.0*)?$/.test(amount);
  if (whole && (window.length.unit === "day" || window.length.unit === "week")) return;
  if (window.length.unit === "week" && toDecimal(amount).times(7).isInteger()) return;
  context.report(
    createDiagnostic(
      ValueDiagnostics.rollingWindowNotDays,
      { duration: textOf(context, uri, window.length.range) },
      uri,
      window.length.range,
    ),
  );
}

/** A billing month starts on a day every month has: 1 to 28. */
export const billingMonthsRule: Rule = (context) => {
  forEachCheckedLiteralOf(context, "Window", (window, uri) => {
    if (window.period !== "billing month" || !window.startDay) return;
    const day = window.startDay;
    if (/^\d+$/.test(day.value) && Number(day.value) >= 1 && Number(day.value) <= 28) return;
    context.report(createDiagnostic(ValueDiagnostics.billingMonthStartDay, { day: day.value }, uri, day.range));
  });
};

/** Severity levels, breach counts and consecutive months are positive whole numbers. */
export const wholeCountsRule: Rule = (context) => {
  const check = (count: NumberLiteral | undefined, what: string, uri: string) => {
    if (count && !isPositiveWholeNumber(count.value)) {
      context.report(
        createDiagnostic(ValueDiagnostics.notPositiveWholeNumber, { what, value: count.value }, uri, count.range),
      );
    }
  };
  forEachCheckedPropertyOf(context, "severity", (property, uri) => check(property.level, "A severity level", uri));
  forEachCheckedPropertyOf(context, "terminate", (property, uri) =>
    check(property.times, "The number of breaches", uri),
  );
  forEachCheckedPropertyOf(context, "bonus", (property, uri) =>
    check(property.consecutive, "The number of consecutive months", uri),
  );
};

/** Time zones of the IANA database. */
export const timeZoneRule: Rule = (context) => {
  forEachCheckedPropertyOf(context, "timezone", (property, uri) => {
    const value = property.value;
    if (!value || value.recovered || isTimeZone(value.value)) return;
    const suggestion = closestName(value.value, [...listedTimeZones()]);
    context.report(
      createDiagnostic(
        ValueDiagnostics.unknownTimeZone,
        { zone: value.value, suggestion: suggestion ? ` Did you mean '${suggestion}'?` : "" },
        uri,
        value.range,
        {
          fixes: suggestion
            ? [
                {
                  title: `Change to '${suggestion}'`,
                  edits: [{ uri, range: value.range, newText: JSON.stringify(suggestion) }],
                  preferred: true,
                },
              ]
            : [],
        },
      ),
    );
  });
};

/** A target in its metric's dimension (a latency target is a duration, …). */
export const targetDimensionRule: Rule = (context) => {
  for (const { uri, declaration: objective } of context.declarations("objective")) {
    for (const p of objective.properties) {
      if (p.kind !== "target" || broken(context, p) || !p.value || p.value.recovered) continue;
      const metric = context.model.objectiveOf(objective)?.metric;
      const type = metric?.type;
      if (!type || !metric.dimension || !metric.declaration.name) continue;
      const expected = metric.dimension;
      const actual = literalDimension(p.value);
      if (actual === expected) continue;
      context.report(
        createDiagnostic(
          ValueDiagnostics.wrongDimension,
          {
            what: "The target",
            value: textOf(context, uri, p.value.range),
            actual: DIMENSION_WORDS[actual],
            expected: `the ${type} metric '${metric.declaration.name.text}' is measured as ${DIMENSION_WORDS[expected]}`,
          },
          uri,
          p.value.range,
          {
            related: [
              {
                uri: metric.uri,
                range: metric.typeProperty?.typeRange ?? metric.declaration.name.range,
                message: `'${metric.declaration.name.text}' measures ${type}`,
              },
            ],
          },
        ),
      );
    }
  }
};

/** `during`/`outside` hours on a target narrow scheduled time, which only an availability metric counts. */
export const targetHoursRule: Rule = (context) => {
  for (const { uri, declaration: objective } of context.declarations("objective")) {
    for (const p of objective.properties) {
      if (p.kind !== "target" || broken(context, p) || !p.scope || !p.hours) continue;
      const type = context.model.objectiveOf(objective)?.metric?.type;
      if (type === undefined || type === "availability") continue;
      context.report(
        createDiagnostic(
          ValueDiagnostics.targetHoursNotAvailability,
          { scope: p.scope, calendar: p.hours.text, reason: `this metric measures ${type}` },
          uri,
          p.hours.range,
        ),
      );
    }
  }
};

/** Credit and bonus thresholds in the dimension of their objective's target. */
export const thresholdDimensionRule: Rule = (context) => {
  for (const kind of ["remedy", "incentive"] as const) {
    for (const { uri, declaration } of context.declarations(kind)) checkThresholds(context, uri, declaration);
  }
};

type ThresholdLiteral = PercentageLiteral | DurationLiteral | NumberLiteral;

function checkThresholds(context: RuleContext, uri: string, declaration: DeclarationOf<"remedy" | "incentive">): void {
  const forProperty = declaration.properties.find((p) => p.kind === "for" && !broken(context, p));
  if (forProperty?.kind !== "for") return;
  const objective = context.resolve(forProperty.objective, "objective");
  if (!objective) return;
  const expected = objectiveDimension(context, objective.declaration);
  if (!expected) return;
  const check = (p: Property, threshold: ThresholdLiteral | undefined) => {
    if (!threshold || threshold.recovered) return;
    const actual = literalDimension(threshold);
    if (actual === expected.dimension) return;
    context.report(
      createDiagnostic(
        ValueDiagnostics.wrongDimension,
        {
          what: p.kind === "credit" ? "The credit threshold" : "The bonus threshold",
          value: textOf(context, uri, threshold.range),
          actual: DIMENSION_WORDS[actual],
          expected: expected.says,
        },
        uri,
        threshold.range,
      ),
    );
  };
  for (const p of declaration.properties) {
    if (broken(context, p)) continue;
    if (p.kind === "credit" && p.condition?.kind === "threshold") {
      check(p, p.condition.threshold);
      check(p, p.condition.bound?.threshold);
    } else if (p.kind === "bonus") check(p, p.threshold);
  }
}

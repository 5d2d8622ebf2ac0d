/**
 * Values and units (brief §3.3): percentages in 0–100, targets in their metric's dimension, one
 * currency, real dates and times, calendar days that end after they start, known time zones,
 * durations longer than zero, percentiles in (0, 100], positive whole counts, business time only
 * with a business calendar, rolling windows in whole days.
 */
import { toDecimal } from "../../budget/decimal.ts";
import { MONTH_NAMES } from "../../dates.ts";
import { LITERAL_FIELDS } from "../../definition/index.ts";
import { DIMENSION_WORDS, literalDimension } from "../../model/dimension.ts";
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { DiagnosticFix } from "../../diagnostics/diagnostic.ts";
import type {
  DateLiteral,
  DurationLiteral,
  MoneyLiteral,
  NumberLiteral,
  PercentageLiteral,
  Property,
  Range,
  TimeLiteral,
  WindowNode,
} from "../../syntax/ast.ts";
import { ValueDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule } from "../context.ts";
import { closestName } from "../suggest.ts";
import { isCurrencyCode, ISO_4217_CODES } from "./currencies.ts";
import { objectiveDimension } from "./goals.ts";
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
    if (p.condition?.kind === "threshold") {
      one(p.condition.threshold, visit);
      one(p.condition.bound?.threshold, visit);
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
  for (const { field, list, window } of fields) {
    const value = values[field];
    if (list) for (const item of (value as Literal[] | undefined) ?? []) one(item, visit);
    else if (window) windowLiterals(value as WindowNode | undefined, visit);
    else one(value as Literal | undefined, visit);
  }
}

function one(node: Literal | undefined, visit: (literal: Literal) => void): void {
  if (node && !node.recovered) visit(node);
}

function windowLiterals(window: WindowNode | undefined, visit: (literal: Literal) => void): void {
  if (window && !window.recovered) {
    visit(window);
    one(window.length, visit);
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

function minutesOf(time: TimeLiteral): number {
  return time.hour * 60 + time.minute;
}

export const valuesRule: Rule = (context) => {
  const agreement = context.agreement();
  const agreementName = agreement?.declaration.name?.text ?? "";
  let agreementCurrency: { code: string; range: Range } | undefined;
  let hasBusinessCalendar = false;
  if (agreement) {
    for (const p of agreement.declaration.properties) {
      if (p.kind === "currency" && p.code && !broken(context, p) && isCurrencyCode(p.code.text) && !agreementCurrency) {
        agreementCurrency = { code: p.code.text, range: p.code.range };
      }
      if (p.kind === "business calendar") hasBusinessCalendar = true;
    }
    // An agreement the parser had to repair may have lost its `business calendar`: say nothing then.
    if (damaged(context, agreement.declaration)) hasBusinessCalendar = true;
  }

  let calendars: string[] | undefined;
  for (const { uri, declaration } of context.binding.declarations) {
    for (const property of declaration.properties) {
      if (broken(context, property)) continue;
      forEachLiteral(property, (literal) => checkLiteral(literal, uri, property));
      checkProperty(property, uri);
    }
    if (declaration.kind === "objective") checkTargetDimension(declaration, uri);
    if (declaration.kind === "remedy" || declaration.kind === "incentive") checkThresholdDimensions(declaration, uri);
  }

  function checkLiteral(literal: Literal, uri: string, property: Property): void {
    switch (literal.kind) {
      case "Percentage":
        if (exceeds100(literal.value)) {
          context.report(
            createDiagnostic(ValueDiagnostics.percentageOutOfRange, { value: literal.value }, uri, literal.range),
          );
        }
        return;
      case "Duration":
        checkDuration(literal, uri, property);
        return;
      case "Money":
        checkMoney(literal, uri);
        return;
      case "Date": {
        const reason = impossibleDateReason(literal);
        if (reason) {
          context.report(
            createDiagnostic(ValueDiagnostics.impossibleDate, { date: literal.text, reason }, uri, literal.range),
          );
        }
        return;
      }
      case "Time":
        if (!isPossibleTime(literal)) {
          context.report(createDiagnostic(ValueDiagnostics.impossibleTime, { time: literal.text }, uri, literal.range));
        }
        return;
      case "Window":
        checkRollingWindow(literal, uri);
        return;
      case "Number":
        return;
    }
  }

  function checkDuration(duration: DurationLiteral, uri: string, property: Property): void {
    const text = textOf(context, uri, duration.range);
    if (isZeroText(duration.amount)) {
      context.report(createDiagnostic(ValueDiagnostics.zeroDuration, { duration: text }, uri, duration.range));
      return;
    }
    // Support times `during` a calendar count on that calendar; everything else on the agreement's.
    const onOwnCalendar =
      (property.kind === "response" || property.kind === "resolution") && property.during?.kind === "Identifier";
    const business = duration.unit === "business day" || duration.unit === "business hour";
    if (business && agreement && !hasBusinessCalendar && !onOwnCalendar) {
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
    }
  }

  function calendarNames(): string[] {
    calendars ??= context
      .declarations("calendar")
      .flatMap(({ declaration }) => (declaration.name ? [declaration.name.text] : []))
      .slice(0, 5);
    return calendars;
  }

  function checkMoney(money: MoneyLiteral, uri: string): void {
    const fine = isCurrencyCode(money.currency) && (!agreementCurrency || money.currency === agreementCurrency.code);
    if (fine) return;
    const codeRange: Range = {
      start: money.range.start,
      end: positionOf(context, uri, money.range.start.offset + money.currency.length),
    };
    if (!isCurrencyCode(money.currency)) {
      context.report(
        createDiagnostic(ValueDiagnostics.unknownCurrency, { code: money.currency, suggestion: "" }, uri, codeRange),
      );
      return;
    }
    if (agreementCurrency && money.currency !== agreementCurrency.code && agreement) {
      context.report(
        createDiagnostic(
          ValueDiagnostics.currencyMismatch,
          { currency: money.currency, agreement: agreementName, expected: agreementCurrency.code },
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
    }
  }

  function checkRollingWindow(window: WindowNode, uri: string): void {
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

  function checkProperty(property: Property, uri: string): void {
    switch (property.kind) {
      case "type":
        if (property.percentile) {
          const value = property.percentile.value;
          if (isZeroText(value) || exceeds100(value)) {
            context.report(
              createDiagnostic(
                ValueDiagnostics.percentileOutOfRange,
                { value: property.percentile.value },
                uri,
                property.percentile.range,
              ),
            );
          }
        }
        return;
      case "severity":
        if (property.level && !isPositiveWholeNumber(property.level.value)) {
          context.report(
            createDiagnostic(
              ValueDiagnostics.notPositiveWholeNumber,
              { what: "A severity level", value: property.level.value },
              uri,
              property.level.range,
            ),
          );
        }
        return;
      case "terminate":
        if (property.times && !isPositiveWholeNumber(property.times.value)) {
          context.report(
            createDiagnostic(
              ValueDiagnostics.notPositiveWholeNumber,
              { what: "The number of breaches", value: property.times.value },
              uri,
              property.times.range,
            ),
          );
        }
        return;
      case "bonus":
        if (property.consecutive && !isPositiveWholeNumber(property.consecutive.value)) {
          context.report(
            createDiagnostic(
              ValueDiagnostics.notPositiveWholeNumber,
              { what: "The number of consecutive months", value: property.consecutive.value },
              uri,
              property.consecutive.range,
            ),
          );
        }
        return;
      case "working hours": {
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
        return;
      }
      case "timezone": {
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
        return;
      }
      case "currency": {
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
        return;
      }
    }
  }

  function checkTargetDimension(objective: DeclarationOf<"objective">, uri: string): void {
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

  function checkThresholdDimensions(
    declaration: DeclarationOf<"remedy"> | DeclarationOf<"incentive">,
    uri: string,
  ): void {
    const forProperty = declaration.properties.find((p) => p.kind === "for" && !broken(context, p));
    if (forProperty?.kind !== "for") return;
    const objective = context.resolve(forProperty.objective, "objective");
    if (!objective) return;
    const expected = objectiveDimension(context, objective.declaration);
    if (!expected) return;
    for (const p of declaration.properties) {
      if (broken(context, p)) continue;
      const thresholds =
        p.kind === "credit" && p.condition?.kind === "threshold"
          ? [p.condition.threshold, p.condition.bound?.threshold]
          : p.kind === "bonus"
            ? [p.threshold]
            : [];
      for (const threshold of thresholds) {
        if (!threshold || threshold.recovered) continue;
        const actual = literalDimension(threshold);
        if (actual === expected.dimension) continue;
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
      }
    }
  }
};

export const VALUE_RULES: Rule[] = [valuesRule];

import { minorUnits } from "@sla/bundle";
import Decimal from "decimal.js";

/**
 * Working precision for every money, percent and duration figure. Inputs are at most a few dozen
 * digits (milliseconds in a year times a percentage), so 40 digits keeps all products and sums exact.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -1000, toExpPos: 1000 });
export type Dec = Decimal;

/**
 * Reported ratios (availability, ticket share, means) are printed to 28 significant digits. Scheduled
 * time is at most ~10^11 ms, so two different ratios differ long before the 28th digit; comparisons
 * never use this rounded form anyway (see compare.ts).
 */
const Display = Decimal.clone({ precision: 28, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -1000, toExpPos: 1000 });

export function dec(value: Decimal.Value): Decimal {
  return new Dec(value);
}

/** A decimal as plain digits, never in exponent form. */
export function str(value: Decimal): string {
  const s = value.toFixed();
  return s === "-0" ? "0" : s;
}

/** `num / den × 100` for display. */
export function percentString(num: Decimal.Value, den: Decimal.Value): string {
  return str(new Display(num).times(100).div(den));
}

export function ratioString(num: Decimal.Value, den: Decimal.Value): string {
  return str(new Display(num).div(den));
}

/** Milliseconds as exact decimal seconds: `3600`, `0.5`. */
export function secondsString(ms: number): string {
  return str(new Dec(ms).div(1000));
}

/** Milliseconds as exact decimal hours: `743`. */
export function hoursString(ms: number): string {
  return str(new Dec(ms).div(3_600_000));
}

/** Rounds half-up (away from zero on a tie) to the currency's minor unit (the one the contract shows). */
export function roundMoney(amount: Decimal, currency: string): Decimal {
  return amount.toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP);
}

export function moneyString(amount: Decimal, currency: string): string {
  const s = roundMoney(amount, currency).toFixed(minorUnits(currency));
  return s.startsWith("-") && /^-[0.]+$/.test(s) ? s.slice(1) : s;
}

import Decimal from "decimal.js";

/**
 * The budget module's own decimal constructor. Inputs are short decimal strings (a percentage such
 * as `99.95`, a duration amount such as `1.5`) multiplied by at most a few million seconds, so 60
 * significant digits keep every product exact; division is used only where the result is exact or
 * only for display. Never in exponent notation.
 */
export const BudgetDecimal = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -1000,
  toExpPos: 1000,
});

export type { Decimal };

/** A decimal from a string, a number or another decimal, in the module's precision. */
export function toDecimal(value: Decimal.Value): Decimal {
  if (typeof value !== "string") return new BudgetDecimal(value);
  // A contract writes the same few figures many times (`99.9`, `10`, `30`) and the checker's rules
  // read them again and again; decimals are immutable, so each text is parsed once.
  let decimal = parsed.get(value);
  if (decimal === undefined) {
    decimal = new BudgetDecimal(value);
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(value, decimal);
  }
  return decimal;
}

/** Texts kept before the table starts again (a bound on its memory, whatever the input). */
const PARSED_LIMIT = 4096;
const parsed = new Map<string, Decimal>();

/** A decimal as plain digits: `2419.2`, `0`, never `-0`, never exponent form. */
export function plain(value: Decimal): string {
  const text = value.toFixed();
  return text === "-0" ? "0" : text;
}

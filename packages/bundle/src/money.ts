/**
 * Money as people read it, the same in the contract and in the service report: `GBP 12,000.00`.
 * The currencies' minor units are also what the engine rounds credits to.
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** `12000.5` → `12,000.5`; anything that is not a plain decimal is returned as it is. */
export function groupDigits(value: string): string {
  const match = DECIMAL.exec(value);
  if (!match) return value;
  const whole = match[1].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return match[2] === undefined ? whole : `${whole}.${match[2]}`;
}

// ISO 4217 minor units that differ from the usual two.
const MINOR_UNITS: ReadonlyMap<string, number> = new Map([
  ["BIF", 0],
  ["CLP", 0],
  ["DJF", 0],
  ["GNF", 0],
  ["ISK", 0],
  ["JPY", 0],
  ["KMF", 0],
  ["KRW", 0],
  ["PYG", 0],
  ["RWF", 0],
  ["UGX", 0],
  ["VND", 0],
  ["VUV", 0],
  ["XAF", 0],
  ["XOF", 0],
  ["XPF", 0],
  ["BHD", 3],
  ["IQD", 3],
  ["JOD", 3],
  ["KWD", 3],
  ["LYD", 3],
  ["OMR", 3],
  ["TND", 3],
  ["CLF", 4],
  ["UYW", 4],
]);

/** Decimal places of the currency's minor unit: 2 unless ISO 4217 says otherwise. */
export function minorUnits(currency: string): number {
  return MINOR_UNITS.get(currency.toUpperCase()) ?? 2;
}

/**
 * `GBP 12,000.00`: digits grouped, padded to the currency's minor unit. More decimals than the
 * minor unit are kept as written; an amount is never rounded here. Anything that is not a plain
 * decimal (a bundle can come from any JSON file) is returned as written, for the caller to escape.
 */
export function formatMoney(amount: string, currency: string): string {
  const match = DECIMAL.exec(amount);
  if (!match) return `${currency} ${amount}`;
  const places = minorUnits(currency);
  const fraction = match[2] ?? "";
  const padded = fraction.length >= places ? fraction : fraction.padEnd(places, "0");
  return `${currency} ${groupDigits(padded ? `${match[1]}.${padded}` : match[1])}`;
}

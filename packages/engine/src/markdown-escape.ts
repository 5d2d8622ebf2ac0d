/**
 * Text from the contract or the data rendered as inert Markdown, with the contract's escaping, so
 * the Markdown contract and the service report cannot disagree on what is safe.
 */
import { escapeInline, formatMoney } from "@sla/bundle";

export function md(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return "";
  return escapeInline(String(text));
}

/** `GBP 1,800.00`: the same money formatting as the contract. */
export function money(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return "—";
  return md(formatMoney(amount, currency ?? ""));
}

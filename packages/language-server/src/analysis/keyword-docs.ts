/**
 * What the words of the language mean, in the words of a contract: shown on hover and beside
 * keyword completions. Keys are declaration kinds, property kinds (as the AST names them) and
 * single keywords; `docFor` picks the most specific.
 */

import { type KeywordDoc, WEEKDAYS } from "@sla/language";

/** Declaration and property docs live with the language's definition; the words' docs are here. */
export { DECLARATION_DOCS, type KeywordDoc, PROPERTY_DOCS } from "@sla/language";

export const WORD_DOCS: Record<string, KeywordDoc> = {
  at: {
    syntax: "at least 99.9% | at most 300 milliseconds | at or below 99.9% | at or above 99.0%",
    meaning: "A comparison that includes the value itself.",
  },
  least: { syntax: "at least X", meaning: "X or more: exactly X meets it." },
  most: { syntax: "at most X", meaning: "X or less: exactly X meets it." },
  or: {
    syntax: "at or below X | at or above X",
    meaning: "X or less (`at or below`, the same as `at most`) or X or more (`at or above`, the same as `at least`).",
  },
  above: { syntax: "above X", meaning: "Strictly more than X: exactly X does not count." },
  below: { syntax: "below X", meaning: "Strictly less than X: exactly X does not count." },
  per: {
    syntax:
      "per calendar month | per calendar quarter | per calendar year | per week | per calendar day | per hour | per billing month from day 15 | per rolling 30 days",
    meaning: "The window the value is measured over, in the agreement's time zone.",
  },
  calendar: {
    syntax: "per calendar month",
    meaning: "A calendar period: a month from its first day to its last, in the agreement's time zone.",
  },
  month: { syntax: "per calendar month", meaning: "One calendar month (28 to 31 days)." },
  quarter: { syntax: "per calendar quarter", meaning: "One calendar quarter (90 to 92 days)." },
  year: { syntax: "per calendar year", meaning: "One calendar year (365 or 366 days)." },
  week: { syntax: "per week", meaning: "One week, Monday to Sunday." },
  day: {
    syntax: "per calendar day | per billing month from day 15",
    meaning:
      "One calendar day from 00:00 (23 or 25 hours when the clocks change); or the day of the month a billing month starts.",
  },
  hour: {
    syntax: "per hour",
    meaning:
      "One clock hour in the agreement's time zone: the hour skipped when the clocks go forward is none, the one repeated when they go back is two.",
  },
  billing: {
    syntax: "per billing month from day 15",
    meaning:
      "A month that starts at 00:00 on the given day (1 to 28) and ends at 00:00 on the same day of the next month.",
  },
  from: {
    syntax: "per billing month from day 15 | resolution within 4 hours from acknowledgement",
    meaning: "Where a billing month, or a resolution clock, starts.",
  },
  acknowledgement: {
    syntax: "resolution within 4 hours from acknowledgement",
    meaning:
      "The resolution clock starts when the provider acknowledged the ticket (its `acknowledged` time), not when it was opened; a ticket never acknowledged is late.",
  },
  outside: {
    syntax: "target at least 99.5% per calendar month outside SupportHours",
    meaning: "The target counts only the service's hours outside the calendar's working time.",
  },
  rolling: {
    syntax: "per rolling 30 days",
    meaning: "A window of the given length that ends at each moment it is evaluated.",
  },
  monthly: { syntax: "monthly fee | report … monthly", meaning: "Of one month; or once a month." },
  quarterly: { syntax: "quarterly fee | review quarterly", meaning: "Of one quarter; or once a quarter." },
  annual: { syntax: "annual fee", meaning: "The fee for one year." },
  weekly: { syntax: "report … weekly", meaning: "Once a week." },
  annually: { syntax: "review annually", meaning: "Once a year." },
  during: {
    syntax: "during 24x7 | during BusinessHours | target at least 99.9% per calendar month during SupportHours",
    meaning:
      "The hours within which the time is counted: around the clock, or a calendar's hours; after a target's window, the target counts only the service's hours inside that calendar's.",
  },
  within: { syntax: "within 15 minutes", meaning: "No later than the given time after the event." },
  when: { syntax: "when below 99.9%", meaning: "The condition under which this tier applies." },
  each: { syntax: "for each breach", meaning: "Paid once for every breach in the window." },
  breach: { syntax: "for each breach", meaning: "Paid once for every breach in the window." },
  maintenance: {
    syntax: "exclude maintenance { notice 5 days  at most 4 hours per calendar month }",
    meaning:
      "Maintenance announced at least `notice` before it starts, up to the allowance per window, is not downtime.",
  },
  caused: { syntax: "exclude customer caused", meaning: "Outages the customer caused are not downtime." },
  force: { syntax: "exclude force majeure", meaning: "Outages caused by force majeure are not downtime." },
  majeure: { syntax: "exclude force majeure", meaning: "Outages caused by force majeure are not downtime." },
  automatic: { syntax: "renewal automatic 12 months", meaning: "The agreement renews without action by either party." },
  availability: {
    syntax: "type availability",
    meaning: "The share of scheduled time the service was up: (scheduled − downtime) / scheduled × 100.",
  },
  latency: {
    syntax: "type latency percentile 95",
    meaning:
      "How long requests take, in milliseconds; with a percentile, the nearest-rank percentile of the window's measurements.",
  },
  percentile: {
    syntax: "latency percentile 95",
    meaning: "Compare the nearest-rank P-th percentile of the window's measurements (rank = ceil(P/100 × n)).",
  },
  error: { syntax: "type error rate", meaning: "The share of requests that failed, in percent." },
  rate: { syntax: "type error rate", meaning: "The share of requests that failed, in percent." },
  consecutive: {
    syntax: "for 3 consecutive months",
    meaning: "The condition must hold in that many windows in a row.",
  },
  of: { syntax: "10% of monthly fee", meaning: "A percentage of the fee named." },
  to: { syntax: "monday to friday 08:00 to 18:00", meaning: "A range of days or of times of day." },
};

for (const day of WEEKDAYS) {
  WORD_DOCS[day] = {
    syntax: "monday to friday 08:00 to 18:00",
    meaning: "A day of the week in a calendar's working hours.",
  };
}

/** Markdown for a doc entry. */
export function docMarkdown(title: string, doc: KeywordDoc): string {
  return `**${title}**\n\n\`\`\`sla\n${doc.syntax}\n\`\`\`\n\n${doc.meaning}`;
}

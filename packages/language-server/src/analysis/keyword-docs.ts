/**
 * What the words of the language mean, in the words of a contract: shown on hover and beside
 * keyword completions. Keys are declaration kinds, property kinds (as the AST names them) and
 * single keywords; `docFor` picks the most specific.
 */

export interface KeywordDoc {
  /** How the construct is written. */
  syntax: string;
  /** What it means. */
  meaning: string;
}

export const DECLARATION_DOCS: Record<string, KeywordDoc> = {
  import: {
    syntax: 'import "path/to/file.sla"',
    meaning:
      "Makes the declarations of another file visible here. The path is relative to this file. Names must stay unique across all imported files.",
  },
  agreement: {
    syntax: 'agreement Name "Title" { version … effective … term … currency … }',
    meaning:
      "The agreement itself: its version, start date, term and renewal, time zone, currency, governing law and business calendar. A contract has at most one; `sla build` needs one.",
  },
  party: {
    syntax: 'party Name "Legal name" { role provider|customer  address "…"  contact "…" }',
    meaning: "A party to the agreement. At least one provider and one customer are needed.",
  },
  calendar: {
    syntax: 'calendar Name "Title" { monday to friday 08:00 to 18:00  holidays 2026-12-25, … }',
    meaning:
      "Working hours and holidays. Services use a calendar for their hours; `business day` and `business hour` durations count on the agreement's business calendar.",
  },
  service: {
    syntax: 'service Name "Title" { provider P  customer C  fee GBP 1,000 per month  hours 24x7 }',
    meaning:
      "A service the provider delivers to the customer, with its fee, its service hours and the exclusions that apply to all its objectives.",
  },
  metric: {
    syntax: 'metric Name "Title" { service S  type availability  measured by "…" }',
    meaning:
      "What is measured for a service, and how: availability, latency (with a percentile), error rate, response time or resolution time.",
  },
  objective: {
    syntax: 'objective Name "Title" { metric M  target at least 99.9% per calendar month }',
    meaning:
      "A service level the provider commits to: a target on a metric per window, outage limits, or support response and resolution times for a severity.",
  },
  remedy: {
    syntax: 'remedy Name "Title" { for Objective  credit 10% of monthly fee when below 99.9% … }',
    meaning:
      "What the customer receives when an objective is missed: service credits in tiers, a cap, a claim period, corrective actions, or a right to terminate.",
  },
  incentive: {
    syntax: 'incentive Name "Title" { for Objective  bonus 5% of monthly fee when above 99.99% }',
    meaning: "What the provider earns for exceeding an objective.",
  },
  reporting: {
    syntax: 'reporting Name "Title" { report A, B monthly within 5 business days  review quarterly }',
    meaning: "Which objectives are reported, how often and how soon; how often the service is reviewed.",
  },
  clause: {
    syntax: 'clause Name "Title" { text """ … """ }',
    meaning: "Contract prose that the tools carry into the rendered contract unchanged.",
  },
};

export const PROPERTY_DOCS: Record<string, KeywordDoc> = {
  version: { syntax: 'version "2.1"', meaning: "The version of this agreement's text." },
  effective: { syntax: "effective 2026-01-01", meaning: "The date the agreement takes effect." },
  term: { syntax: "term 24 months", meaning: "How long the agreement runs from its effective date." },
  renewal: {
    syntax: "renewal automatic 12 months, notice 90 days",
    meaning: "How the agreement renews at the end of its term, and the notice needed to stop the renewal.",
  },
  timezone: {
    syntax: 'timezone "Europe/London"',
    meaning:
      "The IANA time zone in which windows (a calendar month…) and calendars are counted, daylight saving included.",
  },
  currency: { syntax: "currency GBP", meaning: "The ISO 4217 currency of every amount in the contract." },
  "governing law": { syntax: 'governing law "England and Wales"', meaning: "The law that governs the agreement." },
  "business calendar": {
    syntax: "business calendar BusinessHours",
    meaning: "The calendar on which `business day` and `business hour` durations are counted.",
  },
  role: {
    syntax: "role provider | role customer",
    meaning: "Whether the party provides the services or receives them.",
  },
  address: { syntax: 'address "…"', meaning: "The party's address for notices." },
  contact: { syntax: 'contact "…"', meaning: "Who to contact at the party about this agreement." },
  "working hours": {
    syntax: "monday to friday 08:00 to 18:00",
    meaning: "The days and the hours of the day that count as working time, in the agreement's time zone.",
  },
  holidays: { syntax: "holidays 2026-12-25, 2026-12-28", meaning: "Dates that are not working days." },
  provider: { syntax: "provider Acme", meaning: "The party that provides this service; it must have `role provider`." },
  customer: {
    syntax: "customer Globex",
    meaning: "The party that receives this service; it must have `role customer`.",
  },
  fee: {
    syntax: "fee GBP 12,000.00 per month",
    meaning: "What the customer pays for the service. Credits and bonuses are percentages of it.",
  },
  hours: {
    syntax: "hours 24x7 | hours BusinessHours",
    meaning:
      "When the service is due: around the clock, or within a calendar's hours. Only that time counts towards availability.",
  },
  exclude: {
    syntax:
      "exclude maintenance { notice 5 days  at most 4 hours per calendar month } | exclude customer caused | exclude force majeure",
    meaning:
      "Outages that do not count as downtime: announced maintenance (with its notice and allowance), outages the customer caused, force majeure.",
  },
  notice: {
    syntax: "notice 5 days",
    meaning: "How long in advance something must be announced (maintenance) or given (termination).",
  },
  allowance: {
    syntax: "at most 4 hours per calendar month",
    meaning: "How much announced maintenance may be excluded per window; anything beyond counts as downtime.",
  },
  service: { syntax: "service Hosting", meaning: "The service this metric or objective is about." },
  type: {
    syntax: "type availability | latency percentile 95 | error rate | response time | resolution time",
    meaning: "What kind of quantity the metric is, which decides the units its targets may use.",
  },
  "measured by": { syntax: 'measured by "…"', meaning: "How the measurements are taken." },
  downtime: { syntax: 'downtime "…"', meaning: "What counts as downtime for this availability metric." },
  metric: { syntax: "metric Availability", meaning: "The metric this objective sets a target for." },
  target: {
    syntax: "target at least 99.9% per calendar month",
    meaning:
      "The level the metric must reach in each window. Compared exactly: exactly 99.9% is met by `at least 99.9%` and is not `below 99.9%`.",
  },
  "max outage per incident": {
    syntax: "max outage per incident 30 minutes",
    meaning: "No single incident may last longer; each longer incident is one breach.",
  },
  "max total outage": {
    syntax: "max total outage 40 minutes per calendar month",
    meaning: "The downtime a window may hold in total; a window with more is one breach.",
  },
  severity: {
    syntax: 'severity 1 "Service unavailable"',
    meaning: "Which tickets this support objective covers.",
  },
  response: {
    syntax: "response within 15 minutes during 24x7",
    meaning: "How soon a ticket must get its first response, counted within the given hours.",
  },
  resolution: {
    syntax: "resolution within 4 hours during 24x7",
    meaning: "How soon a ticket must be resolved, counted within the given hours.",
  },
  tickets: {
    syntax: "at least 95% of tickets per calendar month",
    meaning: "The share of a window's tickets that must meet both the response and the resolution targets.",
  },
  for: { syntax: "for Uptime", meaning: "The objective this remedy or incentive applies to." },
  credit: {
    syntax: "credit 10% of monthly fee when below 99.9% | credit 5% of monthly fee for each breach",
    meaning:
      "A service credit tier. Tiers are not cumulative: the single largest credit whose condition holds applies; `for each breach` is multiplied by the window's breaches.",
  },
  cap: {
    syntax: "cap 100% of monthly fee per calendar month",
    meaning: "The most this remedy or incentive pays per window.",
  },
  claim: { syntax: "claim within 30 days", meaning: "How long the customer has to claim a credit." },
  "sole remedy": {
    syntax: "sole remedy",
    meaning: "The remedy is the customer's only remedy for missing the objective.",
  },
  action: {
    syntax: 'action "Root cause analysis report" within 5 business days',
    meaning: "Something the provider must do after a breach, and by when.",
  },
  terminate: {
    syntax: "terminate when breached 3 times within 6 months",
    meaning: "The customer may terminate when the objective is breached this often.",
  },
  bonus: {
    syntax: "bonus 5% of monthly fee when above 99.99% for 3 consecutive months",
    meaning: "What the provider earns when the objective is exceeded (for so many consecutive windows).",
  },
  report: {
    syntax: "report Uptime, Sev1Support monthly within 5 business days",
    meaning: "Which objectives the provider reports on, how often, and how soon after each period.",
  },
  review: { syntax: "review quarterly", meaning: "How often the parties review the service." },
  text: { syntax: 'text """ … """', meaning: "The clause's wording." },
};

export const WORD_DOCS: Record<string, KeywordDoc> = {
  at: { syntax: "at least 99.9% | at most 300 milliseconds", meaning: "A comparison that includes the value itself." },
  least: { syntax: "at least X", meaning: "X or more: exactly X meets it." },
  most: { syntax: "at most X", meaning: "X or less: exactly X meets it." },
  above: { syntax: "above X", meaning: "Strictly more than X: exactly X does not count." },
  below: { syntax: "below X", meaning: "Strictly less than X: exactly X does not count." },
  per: {
    syntax: "per calendar month | per calendar quarter | per calendar year | per week | per rolling 30 days",
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
    syntax: "during 24x7 | during BusinessHours",
    meaning: "The hours within which the time is counted: around the clock, or a calendar's hours.",
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

for (const day of ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]) {
  WORD_DOCS[day] = {
    syntax: "monday to friday 08:00 to 18:00",
    meaning: "A day of the week in a calendar's working hours.",
  };
}

/** Markdown for a doc entry. */
export function docMarkdown(title: string, doc: KeywordDoc): string {
  return `**${title}**\n\n\`\`\`sla\n${doc.syntax}\n\`\`\`\n\n${doc.meaning}`;
}

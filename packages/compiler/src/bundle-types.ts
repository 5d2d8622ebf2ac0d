/**
 * The rule bundle, format `sla-rules/1`: what the compiler writes and what the engine, a billing
 * system or a monitoring system reads without knowing the language.
 *
 * Conventions: every reference is the referenced declaration's name; percentages and money are
 * exact decimal strings; durations carry seconds (when the unit has a fixed length) plus the
 * contract's own wording; every rule carries its `source` so a breach can be traced to its clause.
 * `schema/sla-rules.schema.json` describes the same shape; a test keeps the two in step.
 */

export const BUNDLE_FORMAT = "sla-rules/1";
export const BUNDLE_SCHEMA_ID = "urn:sla-rules:1";

export interface RuleBundle {
  $schema: typeof BUNDLE_SCHEMA_ID;
  format: typeof BUNDLE_FORMAT;
  agreement: BundleAgreement | null;
  parties: BundleParty[];
  calendars: BundleCalendar[];
  services: BundleService[];
  metrics: BundleMetric[];
  objectives: BundleObjective[];
  remedies: BundleRemedy[];
  incentives: BundleIncentive[];
  reporting: BundleReporting[];
  clauses: BundleClause[];
}

/** Where a rule was written: `file` relative to the compiled root file's folder, 1-based line and column. */
export interface Source {
  file: string;
  line: number;
  column: number;
}

export type DurationUnit =
  | "millisecond"
  | "second"
  | "minute"
  | "hour"
  | "day"
  | "business day"
  | "business hour"
  | "week"
  | "month"
  | "year";

export interface BundleDuration {
  /** The contract's own wording, normalised: `15 minutes`, `5 business days`. */
  text: string;
  /** Exact decimal amount in `unit`. */
  amount: string;
  unit: DurationUnit;
  /**
   * Exact decimal seconds for units of fixed length (millisecond … week). Absent for business
   * days and hours (they depend on a calendar) and for months and years (they vary in length).
   */
  seconds?: string;
}

export interface BundleMoney {
  /** Exact decimal string: `12000.00`. */
  amount: string;
  /** ISO 4217 code. */
  currency: string;
}

export type WindowPeriod = "calendar month" | "calendar quarter" | "calendar year" | "week" | "rolling";
export interface BundleWindow {
  period: WindowPeriod;
  /** Only for `rolling`: the window's length in days. */
  days?: number;
  /** The contract's wording: `per calendar month`. */
  text: string;
}

/** Service hours: every hour (`24x7`) or the hours of a named calendar. */
export type BundleHours = { kind: "24x7" } | { kind: "calendar"; calendar: string };

export type Weekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";

export interface BundleCalendar {
  name: string;
  title: string | null;
  /** IANA time zone: the calendar's own, else the agreement's, else `UTC`. */
  timezone: string;
  /** Working hours, e.g. monday–friday 08:00–18:00; `to` may be `24:00`. */
  hours: { days: Weekday[]; from: string; to: string }[];
  /** `YYYY-MM-DD` dates on which no working hours count. */
  holidays: string[];
  source: Source;
}

export interface BundleAgreement {
  name: string;
  title: string | null;
  version: string | null;
  /** `YYYY-MM-DD`. */
  effective: string | null;
  term: BundleDuration | null;
  renewal: { automatic: boolean; period: BundleDuration | null; notice: BundleDuration | null } | null;
  /** IANA time zone for every window; `UTC` when the contract names none. */
  timezone: string;
  currency: string | null;
  governingLaw: string | null;
  businessCalendar: string | null;
  source: Source;
}

export interface BundleParty {
  name: string;
  title: string | null;
  role: "provider" | "customer" | null;
  address: string | null;
  contact: string | null;
  source: Source;
}

export type ExclusionCause = "maintenance" | "customer" | "force majeure";
export interface BundleExclusion {
  cause: ExclusionCause;
  /** Maintenance only: how long before its start it must be announced. */
  notice: BundleDuration | null;
  /** Maintenance only: how much may be excluded per window, in order of start. */
  allowance: { duration: BundleDuration; window: BundleWindow } | null;
  source: Source;
}

export interface BundleService {
  name: string;
  title: string | null;
  provider: string | null;
  customer: string | null;
  fee: (BundleMoney & { period: "month" | "quarter" | "year" }) | null;
  /** The fee per month, exact (a quarterly fee / 3, an annual fee / 12): the base of every `monthly fee` percentage. */
  monthlyFee: BundleMoney | null;
  hours: BundleHours;
  exclusions: BundleExclusion[];
  source: Source;
}

export type MetricType = "availability" | "latency" | "error rate" | "response time" | "resolution time";
export interface BundleMetric {
  name: string;
  title: string | null;
  service: string | null;
  type: MetricType;
  /** Latency only: the percentile compared with the target (nearest rank). */
  percentile: string | null;
  /** The unit of measurements and targets: `percent` for availability and error rate, `millisecond` otherwise. */
  unit: "percent" | "millisecond";
  measuredBy: string | null;
  downtimeDefinition: string | null;
  source: Source;
}

export type Comparator = "at least" | "at most" | "above" | "below";

/** A target value: a percentage, a duration, or a plain number, as an exact decimal string. */
export interface BundleTargetValue {
  kind: "percentage" | "duration" | "number";
  /** Percent for a percentage, milliseconds for a duration, as written for a number. */
  value: string;
  /** The contract's wording: `99.9%`, `300 milliseconds`. */
  text: string;
}

/**
 * Allowed downtime for a window of `days` days under an availability target: (scheduled time) ×
 * (100 − target)%. For a 24x7 service, one entry per length the window can have. For a service on
 * a calendar, the window of the agreement's term with the least scheduled time and the one with
 * the most (`window` and `scheduled` say which and how much).
 */
export interface BundleBudget {
  days: number;
  /** Exact decimal seconds. */
  seconds: string;
  /** For people: `43m 12s`. */
  text: string;
  /** Service on a calendar only: the window, `2026-02`. */
  window?: string;
  /** Service on a calendar only: its scheduled time in exact decimal seconds. */
  scheduled?: string;
}

export interface BundleObjective {
  name: string;
  title: string | null;
  /** The service measured: given directly or through the metric. */
  service: string | null;
  metric: string | null;
  metricType: MetricType | null;
  /** The window attainment is evaluated over. */
  window: BundleWindow;
  target: { comparator: Comparator; value: BundleTargetValue; source: Source } | null;
  /** Availability targets only: the downtime each possible window length allows. */
  budgets: BundleBudget[];
  maxOutagePerIncident: { duration: BundleDuration; source: Source } | null;
  maxTotalOutage: { duration: BundleDuration; window: BundleWindow; source: Source } | null;
  support: BundleSupport | null;
  /** The service's exclusions followed by the objective's own. */
  exclusions: BundleExclusion[];
  source: Source;
}

export interface BundleSupport {
  /** The severity whose tickets count; null when the objective names none: then every ticket of the service counts. */
  severity: number | null;
  description: string | null;
  response: { within: BundleDuration; during: BundleHours } | null;
  resolution: { within: BundleDuration; during: BundleHours } | null;
  /** `at least 95% of tickets per calendar month`. */
  share: { comparator: Comparator; percent: string; window: BundleWindow } | null;
  source: Source;
}

export type FeeBasis = "monthly fee" | "quarterly fee" | "annual fee";

export interface BundleCredit {
  percent: string;
  basis: FeeBasis;
  condition: { kind: "threshold"; comparator: Comparator; value: BundleTargetValue } | { kind: "each breach" };
  source: Source;
}

export interface BundleRemedy {
  name: string;
  title: string | null;
  objective: string | null;
  /** Not cumulative: the single largest credit whose condition holds applies. */
  credits: BundleCredit[];
  cap: { percent: string; basis: FeeBasis; window: BundleWindow | null; source: Source } | null;
  claimWithin: BundleDuration | null;
  soleRemedy: boolean;
  actions: { description: string; within: BundleDuration | null; source: Source }[];
  termination: { breaches: number; within: BundleDuration; source: Source } | null;
  notice: BundleDuration | null;
  source: Source;
}

export interface BundleIncentive {
  name: string;
  title: string | null;
  objective: string | null;
  bonuses: {
    percent: string;
    basis: FeeBasis;
    comparator: Comparator;
    value: BundleTargetValue;
    /** How many consecutive windows the condition must hold for; 1 when not given. */
    consecutiveWindows: number;
    source: Source;
  }[];
  cap: { percent: string; basis: FeeBasis; window: BundleWindow | null; source: Source } | null;
  source: Source;
}

export type Frequency = "weekly" | "monthly" | "quarterly" | "annually";
export interface BundleReporting {
  name: string;
  title: string | null;
  reports: { objectives: string[]; frequency: Frequency | null; within: BundleDuration | null; source: Source }[];
  review: Frequency | null;
  source: Source;
}

export interface BundleClause {
  name: string;
  title: string | null;
  text: string;
  source: Source;
}

import type { Comparator, FeeBasis, WindowPeriod } from "./bundle.ts";
import type { DataStats } from "./collect.ts";

// The JSON report, `sla-report/1`. Every figure is a decimal string (never a binary float) and every
// instant is RFC 3339 in UTC; `*Local` fields repeat an instant in the agreement's zone.

export interface WindowReport {
  label: string;
  period: WindowPeriod;
  start: string;
  end: string;
  startLocal: string;
  endLocal: string;
  timezone: string;
  /** Elapsed length of the window: 743 for March in Europe/London. */
  hours: string;
  seconds: string;
}

export interface ObjectiveWindowReport extends WindowReport {
  /** The window ends within the report's month, so its credits are paid in this report. */
  due: boolean;
  /** Only the part up to the report month's end was evaluated (a quarter seen from its first month). */
  partial: boolean;
}

export interface DurationReport {
  seconds: string;
  text: string;
}

export type ObjectiveKind =
  | "availability"
  | "outage limits"
  | "availability and outage limits"
  | "measurement"
  | "success rate"
  | "support"
  | "none";

export interface BreachReport {
  kind: "target" | "per incident" | "total outage" | "ticket share";
  /** When the breach was established: the end of the window, or the instant a limit was passed. */
  at: string;
  detail: string;
}

export interface OutageRecordReport {
  line: number;
  cause: string;
  start: string;
  end: string;
  note: string | null;
}

export interface IncidentReport {
  kind: "incident";
  start: string;
  end: string;
  /** Downtime of the incident inside this window and inside service hours. */
  downtime: DurationReport;
  /** Downtime of the whole incident, which may cross the window's edge. */
  incidentDowntime: DurationReport;
  /** The window in which the incident's downtime began: the one its per-incident limit is judged in. */
  began: string;
  records: OutageRecordReport[];
  exceedsPerIncidentLimit: boolean | null;
}

export interface ExcludedOutageReport {
  kind: "outage";
  line: number;
  cause: string;
  start: string;
  end: string;
  duration: DurationReport;
  reason: string;
}

export interface TicketCheckReport {
  target: string;
  during: string;
  /** Time counted towards the target (working time for business hours or a calendar). */
  elapsed: DurationReport | null;
  deadline: string | null;
  met: boolean;
  note: string | null;
}

export interface TicketReport {
  kind: "ticket";
  line: number;
  severity: number;
  opened: string;
  /** Only when the resolution clock starts at acknowledgement: when the ticket was acknowledged. */
  acknowledged?: string | null;
  responded: string | null;
  resolved: string | null;
  response: TicketCheckReport | null;
  resolution: TicketCheckReport | null;
  met: boolean;
}

export interface MeasurementReport {
  kind: "measurement";
  line: number;
  at: string;
  value: string;
  /** Why this measurement: `rank 19 of 20 (95th percentile, nearest rank)`. */
  role: string;
}

export interface ExcludedMeasurementsReport {
  kind: "measurements";
  count: number;
  reason: string;
}

export type CountedItem = IncidentReport | TicketReport | MeasurementReport;
export type ExcludedItem = ExcludedOutageReport | ExcludedMeasurementsReport;

/**
 * `complete`: the window has ended inside the agreement's term, so it has a verdict. `in progress`:
 * it has not ended by the evaluation's as-of instant (or the report's month); attainment so far, no
 * verdict, breach or credit yet. `outside term`: before the effective date, after the end of the
 * term or after a termination; no verdict, breach or credit.
 */
export type WindowStatus = "complete" | "in progress" | "outside term";

export interface ObjectiveReport {
  name: string;
  title: string | null;
  kind: ObjectiveKind;
  service: string | null;
  metric: string | null;
  window: ObjectiveWindowReport;
  status: WindowStatus;
  /** Null when the window is in progress or outside the term. */
  met: boolean | null;
  /** Availability or ticket share in percent, a percentile or mean in the metric's unit; null without data. */
  value: string | null;
  unit: "percent" | "millisecond" | null;
  target: { comparator: Comparator; value: string; text: string } | null;
  breaches: number;
  breachDetails: BreachReport[];
  scheduled?: DurationReport & { hours: string };
  downtime?: DurationReport;
  /** Availability targets: the downtime the target permits in this window, (scheduled time) × (100 − target)%. */
  budget?: DurationReport;
  /** A window in progress: what is left of the whole window's budget after the downtime so far. */
  remainingBudget?: DurationReport;
  limits?: { perIncident: string | null; total: string | null };
  /** `severity` is null when every ticket of the service counts. */
  tickets?: { severity: number | null; total: number; met: number; required: string | null };
  measurements?: { count: number; percentile: string | null; rank: number | null; statistic: "percentile" | "mean" };
  /** A success rate: the requests counted (exact whole numbers as text) and the records they came from. */
  requests?: { records: number; total: string; failed: string; succeeded: string };
  counted: CountedItem[];
  excluded: ExcludedItem[];
  notes: string[];
  /** When several windows of the objective end in the month (weekly objectives): one entry each. */
  windows?: ObjectiveReport[];
  /** An objective held `for each region`: the unit's word; its units' entries are under `perUnit`. */
  forEach?: string;
  /** One entry per unit the data names, in code-point order of their names. */
  perUnit?: ObjectiveReport[];
  /** In an entry of `perUnit`: the unit it is for, as the records name it. */
  unitName?: string;
}

export interface TierReport {
  /** `below 99.9%`, `for each breach`. */
  condition: string;
  /** A percentage credit's percent and fee; null for a fixed amount. */
  percent: string | null;
  basis: FeeBasis | null;
  /** A fixed amount's figure as written (`500.00`), in the credit's `currency`; absent for a percentage. */
  amount?: string;
  line: number;
}

export interface CapReport {
  percent: string;
  basis: FeeBasis;
  window: string | null;
  /** What was left of the cap before this credit, when the cap spans several windows. */
  remaining: string | null;
}

export interface CreditReport {
  remedy: string;
  title: string | null;
  objective: string;
  window: string;
  /** Percent of `basis` paid, after multiplying by breaches and applying the cap; null (with `basis`) for a fixed amount. */
  percent: string | null;
  basis: FeeBasis | null;
  /** Null when the service names no fee. */
  amount: string | null;
  currency: string | null;
  /** The tier paid; with cumulative credits, the first of `tiers`. */
  tier: TierReport;
  /** With `credits are cumulative`: every tier paid, added together. */
  tiers?: TierReport[];
  breaches: number | null;
  capped: boolean;
  cap: CapReport | null;
  /** A `for each … of downtime` credit: how many units it was multiplied by. */
  units?: number;
  /** The service's `cap all credits`, when it has one: `remaining` is what was left of it before this credit. */
  serviceCap?: CapReport;
  /** The remedy's `minimum credit`, when it has one: an amount (after the cap) below it is paid as 0. */
  minimumCredit?: string;
  arithmetic: string;
  claimDeadline: string | null;
  soleRemedy: boolean;
  /** For an objective held `for each region`: the unit this is for. */
  unitName?: string;
}

export interface MoneyReport {
  amount: string;
  currency: string | null;
}

export interface BonusReport {
  incentive: string;
  title: string | null;
  objective: string;
  window: string;
  percent: string;
  basis: FeeBasis;
  amount: string | null;
  currency: string | null;
  condition: string;
  /** The consecutive windows whose values earned it, oldest first. */
  windows: { label: string; value: string | null }[];
  capped: boolean;
  arithmetic: string;
}

export interface BonusCheckReport {
  incentive: string;
  objective: string;
  window: string;
  condition: string;
  earned: boolean;
  windows: { label: string; value: string | null; holds: boolean | null; note: string | null }[];
}

export interface TerminationReport {
  remedy: string;
  title: string | null;
  objective: string;
  /** Breached windows counted. */
  breaches: number;
  required: number;
  within: string;
  windows: { label: string; met: boolean | null; note: string | null }[];
  exercisable: boolean;
  notice: string | null;
  /** When exercisable and the remedy has `exercise within`: the instant the right lapses unless exercised. */
  exerciseBy?: string;
  /** For an objective held `for each region`: the unit this is for. */
  unitName?: string;
}

export interface ActionReport {
  remedy: string;
  objective: string;
  description: string;
  due: string | null;
  breach: string;
  /** For an objective held `for each region`: the unit this is for. */
  unitName?: string;
}

export interface DataReport extends DataStats {
  /** Where observed data begins (month of the earliest record); windows before it have no data. */
  from: string | null;
}

/** Records naming a service or metric that the contract does not declare. */
export interface UnknownNameReport {
  kind: "service" | "metric";
  name: string;
  /** Records that name it. */
  records: number;
  /** The nearest declared name of that kind, or null when the contract declares none. */
  nearest: string | null;
  /** The same letters up to case, or at most two edits from `nearest`: most likely a typo. */
  nearMiss: boolean;
}

export interface EvaluationReport {
  format: "sla-report/1";
  period: string;
  /** Names in the data the contract does not declare; their records are not evaluated. */
  unknownNames: UnknownNameReport[];
  agreement: { name: string; title: string | null; timezone: string; currency: string | null } | null;
  window: WindowReport;
  objectives: ObjectiveReport[];
  credits: CreditReport[];
  totalCredit: MoneyReport;
  bonuses: BonusReport[];
  bonusChecks: BonusCheckReport[];
  totalBonus: MoneyReport;
  terminationRights: TerminationReport[];
  actions: ActionReport[];
  /** The earliest claim deadline among the credits in this report, or null. */
  claimDeadline: string | null;
  /** Only for a contract with an At-Risk Amount: one entry per such service (at-risk.ts). */
  feesAtRisk?: AtRiskReport[];
  /** Only for a contract with a change-of-control provision: one entry per `change of control` record. */
  changeOfControl?: ChangeOfControlReport[];
  /** Only for a contract whose metrics state a sampling interval: one entry per such metric. */
  measurementPlans?: MeasurementCoverageReport[];
  /** Only for a contract with outcome-based pay: one entry per outcome window ending in the month. */
  outcomePay?: OutcomePayReport[];
  data: DataReport;
  notes: string[];
}

/** A critical service level or key measurement in one window, against its expected and minimum levels. */
export interface LevelReport {
  objective: string;
  window: string;
  value: string | null;
  /** The target: `at least 99.9%`. */
  expected: string | null;
  metExpected: boolean;
  /** Null when the objective states no minimum (the target is then the minimum too). */
  minimum: string | null;
  metMinimum: boolean;
}

export interface AtRiskFailureReport {
  objective: string;
  window: string;
  /** The level failed: the minimum, or the target without one. */
  level: string;
  value: string | null;
  /** Percent of the At-Risk Amount. */
  allocation: string;
  /** Allocation × At-Risk Amount, before the month's cap. */
  amount: string;
  /** Its share of the month's credit after the cap. */
  paid: string;
}

export interface EarnBackReport {
  objective: string;
  /** The window whose credit is earned back. */
  failedWindow: string;
  amount: string;
  windows: { label: string; metExpected: boolean | null; note: string | null }[];
}

export interface AtRiskReport {
  service: string;
  atRisk: { percent: string; basis: FeeBasis; amount: string | null; currency: string | null };
  poolMaximum: string | null;
  criticalLevels: LevelReport[];
  failures: AtRiskFailureReport[];
  /** The failures' allocations of the At-Risk Amount, summed. */
  uncapped: string;
  capped: boolean;
  /** What is credited this month: `uncapped`, at most the At-Risk Amount. */
  credit: string;
  arithmetic: string;
  /** Service levels at their minimum but below their expected level: trend and corrective action. */
  belowExpected: LevelReport[];
  earnBacks: EarnBackReport[];
  earnedBack: string;
  /** `credit` − `earnedBack`. */
  net: string;
  keyMeasurements: LevelReport[];
}

export interface ChangeOfControlReport {
  /** The party that underwent it, as the record names it, and its role (null when not a party). */
  party: string;
  role: "provider" | "customer" | null;
  /** Whether the provision covers this party's change of control. */
  covered: boolean;
  at: string;
  atLocal: string;
  noticeDeadline: string;
  noticeDeadlineLocal: string;
  /** When notice was given, if by the statement instant. */
  notified: string | null;
  notice: "given in time" | "given late" | "overdue" | "not yet due";
  /** The parties holding the right: those of the other role. */
  holders: string[];
  right: "terminate" | "renegotiate" | "terminate or renegotiate";
  windowOpens: string | null;
  windowCloses: string | null;
  windowClosesLocal: string | null;
  /** The instant the statement is made at: the as-of instant, or the report month's end when earlier. */
  statementAt: string;
  /** `terminate`, `require renegotiation`: what the holders may do at the statement instant. */
  openRights: string[];
  inForce: boolean | null;
  statement: string;
  line: number;
}

/** A metric's samples against its measurement plan in the report month (measurement-plan.ts). */
export interface MeasurementCoverageReport {
  metric: string;
  /** The plan's sampling interval, as written: `1 minute`. */
  interval: string;
  /** The part of the month checked: within the term and before the as-of instant. */
  from: string;
  to: string;
  /** Slots of one interval from `from`; the last may be shorter. */
  expectedSamples: number;
  slotsWithSamples: number;
  /** Measurements of the metric in the span (a slot may hold several). */
  samples: number;
  /** Slots with a sample, in percent of the slots; null when not checked. */
  coverage: string | null;
  gapCount: number;
  gapTime: DurationReport;
  gaps: { start: string; end: string; startLocal: string; slots: number; duration: DurationReport }[];
  /** What the plan says gaps count as, as written; null when it does not say. */
  treatment: string | null;
  note: string | null;
}

/** A gain-share or pain-share band applied to an outcome window. */
export interface OutcomeShareReport {
  band: string;
  percent: string;
  basis: FeeBasis;
  /** After the cap. */
  amount: string;
  currency: string;
  capped: boolean;
  line: number;
}

export interface OutcomePayReport {
  incentive: string;
  outcome: string;
  window: string;
  status: "complete" | "in progress" | "outside term";
  /** The window's outcome records, and how many met the outcome. */
  records: number;
  met: number;
  /** `met / records × 100`, exactly (a ratio to 28 significant digits); null without records. */
  value: string | null;
  /** Paid by the customer to the provider. */
  gainShare: OutcomeShareReport | null;
  /** Borne by the provider as a fee reduction. */
  painShare: OutcomeShareReport | null;
  /** Gain share − pain share; null without a verdict. */
  net: string | null;
  note: string | null;
}

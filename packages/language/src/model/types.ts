/**
 * The resolved contract model: one immutable object graph per checked program, in which every
 * reference is already followed (objective → metric → type → dimension, objective → service →
 * schedule → calendar, remedy → objective) so that the checker's rules, the compiler and the
 * language server ask it instead of re-deriving the links each in their own way.
 *
 * The graph is built as written: only nodes the parser had to invent (`recovered`) are ignored.
 * Rules that must stay quiet near syntax errors still ask `broken`/`damaged` about the property a
 * model fact came from (each fact keeps its AST node).
 */
import type {
  AgreementDeclaration,
  CalendarDeclaration,
  Comparator,
  DurationLiteral,
  FeePeriod,
  IncentiveDeclaration,
  MetricDeclaration,
  MetricType,
  MetricTypeProperty,
  NumberLiteral,
  ObjectiveDeclaration,
  PartyDeclaration,
  PartyRole,
  PercentageLiteral,
  RemedyDeclaration,
  ReportingDeclaration,
  ServiceDeclaration,
  TargetProperty,
  TicketShareProperty,
  WindowNode,
} from "../syntax/ast.ts";
import type { CalendarHours } from "../budget/schedule.ts";

/** What a metric's values, and so an objective's goal and a tier's threshold, are measured in. */
export type Dimension = "percentage" | "duration" | "number";

/** A declaration of the model: where it is and the node it was read from. */
export interface Located<D> {
  readonly uri: string;
  readonly declaration: D;
  readonly name: string;
}

export interface AgreementModel extends Located<AgreementDeclaration> {
  /** `YYYY-MM-DD` as written. */
  readonly effective?: string;
  readonly term?: DurationLiteral;
  /** The agreement's zone, `UTC` when it names none: the zone of every window. */
  readonly timezone: string;
  readonly currency?: string;
  readonly businessCalendar?: CalendarModel;
}

export interface PartyModel extends Located<PartyDeclaration> {
  readonly role?: PartyRole;
}

export interface CalendarModel extends Located<CalendarDeclaration> {
  /** Working hours per weekday, holidays and zone (the calendar's own, else the agreement's). */
  readonly hours: CalendarHours;
}

/** When a service is scheduled: every hour, or the working hours of a calendar. */
export type Schedule = { readonly kind: "24x7" } | { readonly kind: "calendar"; readonly calendar: CalendarModel };

/** `during SupportHours` / `outside SupportHours` on a target: the part of the service's hours it counts. */
export interface TargetHours {
  readonly scope: "during" | "outside";
  readonly calendar: CalendarModel;
}

export interface Fee {
  readonly amount: string;
  readonly currency: string;
  readonly period: FeePeriod;
}

export interface ServiceModel extends Located<ServiceDeclaration> {
  /** `24x7` when the service names no hours; undefined when its hours name no calendar. */
  readonly schedule?: Schedule;
  readonly fee?: Fee;
  readonly provider?: PartyModel;
  readonly customer?: PartyModel;
}

export interface MetricModel extends Located<MetricDeclaration> {
  /** The first complete `type` property of the metric (`typeRange` for messages). */
  readonly typeProperty?: MetricTypeProperty;
  /** Its type. */
  readonly type?: MetricType;
  /** What the metric is measured in, from its type. */
  readonly dimension?: Dimension;
  readonly service?: ServiceModel;
}

/** What an objective promises: `at least 99.9% per calendar month`, `at least 95% of tickets`. */
export interface Goal {
  readonly property: TargetProperty | TicketShareProperty;
  readonly comparator: Comparator;
  readonly literal: PercentageLiteral | DurationLiteral | NumberLiteral;
  /** The dimension of the literal as written (it may differ from the metric's: SLA4002). */
  readonly dimension: Dimension;
  /** A share of support tickets rather than a measured metric. */
  readonly tickets: boolean;
}

/** The downtime an availability target permits in one window length (24x7) or scheduled window. */
export interface Budget {
  /** Calendar days in the window. */
  readonly days: number;
  /** Exact decimal seconds. */
  readonly seconds: string;
  /** Short form: `43m 12s`. */
  readonly text: string;
  /** On a calendar: the window (`2026-02`) and its scheduled time in exact decimal seconds. */
  readonly window?: string;
  readonly scheduled?: string;
}

export interface ObjectiveModel extends Located<ObjectiveDeclaration> {
  readonly metric?: MetricModel;
  /** The objective's own `service`, else its metric's. */
  readonly service?: ServiceModel;
  /** The dimension the objective's values are measured in: the metric's, or a percentage for ticket shares. */
  readonly dimension?: Dimension;
  readonly goal?: Goal;
  /** The window of the target, else of `max total outage`, else of `tickets`. */
  readonly window?: WindowNode;
  /** An availability metric with a percentage target of `at least` or `above`. */
  readonly availability: boolean;
  /** The target's own hours (`during`/`outside` a calendar), when it names a calendar that resolves. */
  readonly hours?: TargetHours;
  /**
   * The downtime the availability target permits, shortest window first: each length of its
   * window for a 24x7 service, the least and the most scheduled window of the term on a calendar
   * (computed on first use; empty when there is no availability target or its window is unknown).
   */
  readonly budgets: readonly Budget[];
}

export interface RemedyModel extends Located<RemedyDeclaration | IncentiveDeclaration> {
  readonly kind: "remedy" | "incentive";
  readonly objective?: ObjectiveModel;
  /** Every fee a credit, bonus or cap of it is a percentage of. */
  readonly feeBases: ReadonlySet<FeePeriod>;
}

export interface ReportingModel extends Located<ReportingDeclaration> {
  readonly objectives: readonly ObjectiveModel[];
}

export interface ContractModel {
  readonly agreement?: AgreementModel;
  readonly parties: readonly PartyModel[];
  readonly calendars: readonly CalendarModel[];
  readonly services: readonly ServiceModel[];
  readonly metrics: readonly MetricModel[];
  readonly objectives: readonly ObjectiveModel[];
  readonly remedies: readonly RemedyModel[];
  readonly incentives: readonly RemedyModel[];
  readonly reporting: readonly ReportingModel[];
  /** The model of a named declaration (the first of a duplicated name). */
  objective(name: string): ObjectiveModel | undefined;
  metric(name: string): MetricModel | undefined;
  service(name: string): ServiceModel | undefined;
  calendar(name: string): CalendarModel | undefined;
  /** The model of a declaration node of the program (duplicates and unnamed ones too; `name` is then ""). */
  objectiveOf(declaration: ObjectiveDeclaration): ObjectiveModel | undefined;
  metricOf(declaration: MetricDeclaration): MetricModel | undefined;
  /** True when a credit, bonus or cap of any remedy or incentive is a percentage of this fee. */
  usesFee(period: FeePeriod): boolean;
}

/**
 * The typed AST of an `.sla` file. Every node carries its exact source range; literals are decoded
 * (a duration knows its unit and length; percentages and amounts keep their exact decimal text so no
 * binary floating point ever touches a contract's numbers).
 *
 * Parsing never fails, so a node that the parser had to recover may miss parts: optional fields
 * that the grammar requires are `undefined` then, and the node has `recovered: true`.
 */

/** A point in a document: `offset` counts UTF-16 code units from 0; `line` and `column` start at 1. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** A half-open span [start, end) of a document. */
export interface Range {
  start: Position;
  end: Position;
}

interface NodeBase {
  range: Range;
  /** Set when the parser recovered from a syntax error inside this node. */
  recovered?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Literals and small values

export interface Identifier extends NodeBase {
  kind: "Identifier";
  text: string;
}

export interface StringLiteral extends NodeBase {
  kind: "String";
  /** The decoded text: escapes resolved; for a text block, common indentation removed. */
  value: string;
  /** True for a `"""` text block. */
  block: boolean;
}

export interface NumberLiteral extends NodeBase {
  kind: "Number";
  /** Exact decimal text without group separators: `12,000.50` → `12000.50`. */
  value: string;
}

export interface PercentageLiteral extends NodeBase {
  kind: "Percentage";
  /** Exact decimal text of the number before `%`: `99.95%` → `99.95`. */
  value: string;
}

export const DURATION_UNITS = [
  "millisecond",
  "second",
  "minute",
  "hour",
  "day",
  "business day",
  "business hour",
  "week",
  "month",
  "year",
] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface DurationLiteral extends NodeBase {
  kind: "Duration";
  /** Exact decimal text of the amount: `1.5 hours` → `1.5`. */
  amount: string;
  unit: DurationUnit;
}

export interface MoneyLiteral extends NodeBase {
  kind: "Money";
  /** The ISO 4217 code as written (validated by the checker). */
  currency: string;
  /** Exact decimal text without group separators: `GBP 12,000.00` → `12000.00`. */
  amount: string;
}

export interface DateLiteral extends NodeBase {
  kind: "Date";
  /** `YYYY-MM-DD` as written; whether it is a real date is the checker's concern. */
  text: string;
  year: number;
  month: number;
  day: number;
}

export interface TimeLiteral extends NodeBase {
  kind: "Time";
  text: string;
  hour: number;
  minute: number;
}

/** `24x7`: every hour of every day. */
export interface AlwaysLiteral extends NodeBase {
  kind: "Always";
}

/** Service hours: `24x7` or the name of a calendar. */
export type HoursSpec = AlwaysLiteral | Identifier;

export type Comparator = "at least" | "at most" | "above" | "below";
export interface ComparatorNode extends NodeBase {
  kind: "Comparator";
  op: Comparator;
}

export type WindowPeriod = "calendar month" | "calendar quarter" | "calendar year" | "week" | "rolling";
/** `per calendar month`, `per week`, `per rolling 30 days`… */
export interface WindowNode extends NodeBase {
  kind: "Window";
  period: WindowPeriod;
  /** Only for `rolling`: the length of the window. */
  length?: DurationLiteral;
}

export type FeePeriod = "month" | "quarter" | "year";
/** `monthly fee`, `quarterly fee`, `annual fee`: what a percentage credit is a percentage of. */
export interface FeeBasis extends NodeBase {
  kind: "FeeBasis";
  period: FeePeriod;
}

export type Weekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
export const WEEKDAYS: readonly Weekday[] = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
];
/** `monday to friday` or a single `saturday`. */
export interface DaySpan extends NodeBase {
  kind: "DaySpan";
  from: Weekday;
  to: Weekday;
}

export type Frequency = "weekly" | "monthly" | "quarterly" | "annually";

// ---------------------------------------------------------------------------------------------
// Properties. `keyword` is the range of the leading keyword(s), for hovers and narrow diagnostics.

interface PropertyBase extends NodeBase {
  keyword: Range;
}

// agreement
export interface VersionProperty extends PropertyBase {
  kind: "version";
  value?: StringLiteral;
}
export interface EffectiveProperty extends PropertyBase {
  kind: "effective";
  date?: DateLiteral;
}
export interface TermProperty extends PropertyBase {
  kind: "term";
  duration?: DurationLiteral;
}
export interface RenewalProperty extends PropertyBase {
  kind: "renewal";
  automatic: boolean;
  period?: DurationLiteral;
  notice?: DurationLiteral;
}
export interface TimezoneProperty extends PropertyBase {
  kind: "timezone";
  value?: StringLiteral;
}
export interface CurrencyProperty extends PropertyBase {
  kind: "currency";
  code?: Identifier;
}
export interface GoverningLawProperty extends PropertyBase {
  kind: "governing law";
  value?: StringLiteral;
}
export interface BusinessCalendarProperty extends PropertyBase {
  kind: "business calendar";
  calendar?: Identifier;
}

// party
export type PartyRole = "provider" | "customer";
export interface RoleProperty extends PropertyBase {
  kind: "role";
  role?: PartyRole;
  roleRange?: Range;
}
export interface AddressProperty extends PropertyBase {
  kind: "address";
  value?: StringLiteral;
}
export interface ContactProperty extends PropertyBase {
  kind: "contact";
  value?: StringLiteral;
}

// calendar
export interface WorkingHoursProperty extends PropertyBase {
  kind: "working hours";
  days: DaySpan[];
  from?: TimeLiteral;
  to?: TimeLiteral;
}
export interface HolidaysProperty extends PropertyBase {
  kind: "holidays";
  dates: DateLiteral[];
}

// service
export interface ProviderProperty extends PropertyBase {
  kind: "provider";
  party?: Identifier;
}
export interface CustomerProperty extends PropertyBase {
  kind: "customer";
  party?: Identifier;
}
export interface FeeProperty extends PropertyBase {
  kind: "fee";
  amount?: MoneyLiteral;
  period?: FeePeriod;
}
export interface HoursProperty extends PropertyBase {
  kind: "hours";
  hours?: HoursSpec;
}
export type ExclusionCause = "maintenance" | "customer caused" | "force majeure";
/** `exclude maintenance { notice 5 days  at most 4 hours per calendar month }`, `exclude force majeure`. */
export interface ExcludeProperty extends PropertyBase {
  kind: "exclude";
  cause?: ExclusionCause;
  /** Only maintenance has a block. */
  properties: MaintenanceProperty[];
}
export interface NoticeProperty extends PropertyBase {
  kind: "notice";
  duration?: DurationLiteral;
}
export interface AllowanceProperty extends PropertyBase {
  kind: "allowance";
  duration?: DurationLiteral;
  window?: WindowNode;
}
export type MaintenanceProperty = NoticeProperty | AllowanceProperty;

// metric
export type MetricType = "availability" | "latency" | "error rate" | "response time" | "resolution time";
export interface ServiceRefProperty extends PropertyBase {
  kind: "service";
  service?: Identifier;
}
export interface MetricTypeProperty extends PropertyBase {
  kind: "type";
  type?: MetricType;
  typeRange?: Range;
  percentile?: NumberLiteral;
}
export interface MeasuredByProperty extends PropertyBase {
  kind: "measured by";
  value?: StringLiteral;
}
export interface DowntimeDefinitionProperty extends PropertyBase {
  kind: "downtime";
  value?: StringLiteral;
}

// objective
export interface MetricRefProperty extends PropertyBase {
  kind: "metric";
  metric?: Identifier;
}
export type TargetValue = PercentageLiteral | DurationLiteral | NumberLiteral;
export interface TargetProperty extends PropertyBase {
  kind: "target";
  comparator?: ComparatorNode;
  value?: TargetValue;
  window?: WindowNode;
}
export interface MaxOutagePerIncidentProperty extends PropertyBase {
  kind: "max outage per incident";
  duration?: DurationLiteral;
}
export interface MaxTotalOutageProperty extends PropertyBase {
  kind: "max total outage";
  duration?: DurationLiteral;
  window?: WindowNode;
}
export interface SeverityProperty extends PropertyBase {
  kind: "severity";
  level?: NumberLiteral;
  description?: StringLiteral;
}
export interface ResponseProperty extends PropertyBase {
  kind: "response";
  duration?: DurationLiteral;
  during?: HoursSpec;
}
export interface ResolutionProperty extends PropertyBase {
  kind: "resolution";
  duration?: DurationLiteral;
  during?: HoursSpec;
}
/** `at least 95% of tickets per calendar month`. */
export interface TicketShareProperty extends PropertyBase {
  kind: "tickets";
  comparator?: ComparatorNode;
  share?: PercentageLiteral;
  window?: WindowNode;
}

// remedy and incentive
export interface ForProperty extends PropertyBase {
  kind: "for";
  objective?: Identifier;
}
export type CreditCondition =
  | {
      kind: "threshold";
      comparator?: ComparatorNode;
      threshold?: PercentageLiteral | DurationLiteral | NumberLiteral;
      range: Range;
    }
  | { kind: "each breach"; range: Range };
export interface CreditProperty extends PropertyBase {
  kind: "credit";
  percentage?: PercentageLiteral;
  basis?: FeeBasis;
  condition?: CreditCondition;
}
export interface CapProperty extends PropertyBase {
  kind: "cap";
  percentage?: PercentageLiteral;
  basis?: FeeBasis;
  window?: WindowNode;
}
export interface ClaimProperty extends PropertyBase {
  kind: "claim";
  duration?: DurationLiteral;
}
export interface SoleRemedyProperty extends PropertyBase {
  kind: "sole remedy";
}
export interface ActionProperty extends PropertyBase {
  kind: "action";
  description?: StringLiteral;
  duration?: DurationLiteral;
}
export interface TerminateProperty extends PropertyBase {
  kind: "terminate";
  times?: NumberLiteral;
  within?: DurationLiteral;
}
export interface BonusProperty extends PropertyBase {
  kind: "bonus";
  percentage?: PercentageLiteral;
  basis?: FeeBasis;
  comparator?: ComparatorNode;
  threshold?: PercentageLiteral | DurationLiteral | NumberLiteral;
  /** `for 3 consecutive months`; absent means a single window. */
  consecutive?: NumberLiteral;
}

// reporting
export interface ReportProperty extends PropertyBase {
  kind: "report";
  objectives: Identifier[];
  frequency?: Frequency;
  within?: DurationLiteral;
}
export interface ReviewProperty extends PropertyBase {
  kind: "review";
  frequency?: Frequency;
}

// clause
export interface TextProperty extends PropertyBase {
  kind: "text";
  value?: StringLiteral;
}

export type AgreementProperty =
  | VersionProperty
  | EffectiveProperty
  | TermProperty
  | RenewalProperty
  | TimezoneProperty
  | CurrencyProperty
  | GoverningLawProperty
  | BusinessCalendarProperty;
export type PartyProperty = RoleProperty | AddressProperty | ContactProperty;
export type CalendarProperty = WorkingHoursProperty | HolidaysProperty | TimezoneProperty;
export type ServiceProperty = ProviderProperty | CustomerProperty | FeeProperty | HoursProperty | ExcludeProperty;
export type MetricProperty = ServiceRefProperty | MetricTypeProperty | MeasuredByProperty | DowntimeDefinitionProperty;
export type ObjectiveProperty =
  | MetricRefProperty
  | ServiceRefProperty
  | TargetProperty
  | MaxOutagePerIncidentProperty
  | MaxTotalOutageProperty
  | SeverityProperty
  | ResponseProperty
  | ResolutionProperty
  | TicketShareProperty
  | ExcludeProperty;
export type RemedyProperty =
  | ForProperty
  | CreditProperty
  | CapProperty
  | ClaimProperty
  | SoleRemedyProperty
  | ActionProperty
  | TerminateProperty
  | NoticeProperty;
export type IncentiveProperty = ForProperty | BonusProperty | CapProperty;
export type ReportingProperty = ReportProperty | ReviewProperty;
export type ClauseProperty = TextProperty;

export type Property =
  | AgreementProperty
  | PartyProperty
  | CalendarProperty
  | ServiceProperty
  | MetricProperty
  | ObjectiveProperty
  | RemedyProperty
  | IncentiveProperty
  | ReportingProperty
  | ClauseProperty
  | MaintenanceProperty;

// ---------------------------------------------------------------------------------------------
// Declarations

interface DeclarationBase<K extends string, P extends Property> extends NodeBase {
  kind: K;
  /** Range of the declaration keyword. */
  keyword: Range;
  name?: Identifier;
  title?: StringLiteral;
  properties: P[];
  /** Range from `{` to `}` inclusive, when present. */
  body?: Range;
}

export type AgreementDeclaration = DeclarationBase<"agreement", AgreementProperty>;
export type PartyDeclaration = DeclarationBase<"party", PartyProperty>;
export type CalendarDeclaration = DeclarationBase<"calendar", CalendarProperty>;
export type ServiceDeclaration = DeclarationBase<"service", ServiceProperty>;
export type MetricDeclaration = DeclarationBase<"metric", MetricProperty>;
export type ObjectiveDeclaration = DeclarationBase<"objective", ObjectiveProperty>;
export type RemedyDeclaration = DeclarationBase<"remedy", RemedyProperty>;
export type IncentiveDeclaration = DeclarationBase<"incentive", IncentiveProperty>;
export type ReportingDeclaration = DeclarationBase<"reporting", ReportingProperty>;
export type ClauseDeclaration = DeclarationBase<"clause", ClauseProperty>;

export type Declaration =
  | AgreementDeclaration
  | PartyDeclaration
  | CalendarDeclaration
  | ServiceDeclaration
  | MetricDeclaration
  | ObjectiveDeclaration
  | RemedyDeclaration
  | IncentiveDeclaration
  | ReportingDeclaration
  | ClauseDeclaration;

export type DeclarationKind = Declaration["kind"];
export const DECLARATION_KINDS: readonly DeclarationKind[] = [
  "agreement",
  "party",
  "calendar",
  "service",
  "metric",
  "objective",
  "remedy",
  "incentive",
  "reporting",
  "clause",
];

export interface ImportDeclaration extends NodeBase {
  kind: "import";
  keyword: Range;
  path?: StringLiteral;
}

export interface Comment {
  kind: "Comment";
  text: string;
  block: boolean;
  range: Range;
}

export interface SlaFile extends NodeBase {
  kind: "File";
  /** Imports and declarations in source order. */
  items: (ImportDeclaration | Declaration)[];
  comments: Comment[];
}

/** The properties of a given kind in a declaration, in source order. */
export function propertiesOf<D extends Declaration, K extends D["properties"][number]["kind"]>(
  declaration: D,
  kind: K,
): Extract<D["properties"][number], { kind: K }>[] {
  return declaration.properties.filter((p) => p.kind === kind) as Extract<D["properties"][number], { kind: K }>[];
}

/** The first property of a given kind in a declaration. */
export function propertyOf<D extends Declaration, K extends D["properties"][number]["kind"]>(
  declaration: D,
  kind: K,
): Extract<D["properties"][number], { kind: K }> | undefined {
  return declaration.properties.find((p) => p.kind === kind) as
    | Extract<D["properties"][number], { kind: K }>
    | undefined;
}

export function declarationsOf(file: SlaFile): Declaration[] {
  return file.items.filter((item): item is Declaration => item.kind !== "import");
}

export function importsOf(file: SlaFile): ImportDeclaration[] {
  return file.items.filter((item): item is ImportDeclaration => item.kind === "import");
}

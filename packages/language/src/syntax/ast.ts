/**
 * The typed AST of an `.sla` file. Every node carries its exact source range; literals are decoded
 * (a duration knows its unit and length; percentages and amounts keep their exact decimal text so no
 * binary floating point ever touches a contract's numbers).
 *
 * Parsing never fails, so a node that the parser had to recover may miss parts: optional fields
 * that the grammar requires are `undefined` then, and the node has `recovered: true`.
 */
import type { DECLARATIONS } from "../definition/declarations.ts";
import type { CustomBuiltRule, PropertyRule } from "../definition/properties.ts";
import type { PropertyNode } from "../definition/types.ts";

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

export type WindowPeriod =
  | "calendar month"
  | "calendar quarter"
  | "calendar year"
  | "week"
  | "rolling"
  | "calendar day"
  | "hour"
  | "billing month";
/** `per calendar month`, `per week`, `per rolling 30 days`… */
export interface WindowNode extends NodeBase {
  kind: "Window";
  period: WindowPeriod;
  /** Only for `rolling`: the length of the window. */
  length?: DurationLiteral;
  /** Only for `billing month`: the day of the month each cycle starts (`from day 15`). */
  startDay?: NumberLiteral;
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
// The regular ones are read off the language's definition (src/definition/types.ts); the
// irregular forms, whose builders are hand-written, are written out here.

interface PropertyBase extends NodeBase {
  keyword: Range;
}

// agreement
export type VersionProperty = PropertyNode<"versionProperty">;
export type EffectiveProperty = PropertyNode<"effectiveProperty">;
export type TermProperty = PropertyNode<"termProperty">;
export interface RenewalProperty extends PropertyBase {
  kind: "renewal";
  automatic: boolean;
  period?: DurationLiteral;
  notice?: DurationLiteral;
}
export type TimezoneProperty = PropertyNode<"timezoneProperty">;
export type CurrencyProperty = PropertyNode<"currencyProperty">;
export type GoverningLawProperty = PropertyNode<"governingLawProperty">;
export type BusinessCalendarProperty = PropertyNode<"businessCalendarProperty">;

// party
export type PartyRole = "provider" | "customer";
export interface RoleProperty extends PropertyBase {
  kind: "role";
  role?: PartyRole;
  roleRange?: Range;
}
export type AddressProperty = PropertyNode<"addressProperty">;
export type ContactProperty = PropertyNode<"contactProperty">;

// calendar
export interface WorkingHoursProperty extends PropertyBase {
  kind: "working hours";
  days: DaySpan[];
  from?: TimeLiteral;
  to?: TimeLiteral;
}
export type HolidaysProperty = PropertyNode<"holidaysProperty">;

// service
export type ProviderProperty = PropertyNode<"providerProperty">;
export type CustomerProperty = PropertyNode<"customerProperty">;
export type FeeProperty = PropertyNode<"feeProperty">;
export type HoursProperty = PropertyNode<"hoursProperty">;
export type ExclusionCause = "maintenance" | "customer caused" | "force majeure";
/** `exclude maintenance { notice 5 days  at most 4 hours per calendar month }`, `exclude force majeure`. */
export interface ExcludeProperty extends PropertyBase {
  kind: "exclude";
  cause?: ExclusionCause;
  /** Only maintenance has a block. */
  properties: MaintenanceProperty[];
}
export type NoticeProperty = PropertyNode<"noticeProperty">;
export type AllowanceProperty = PropertyNode<"allowanceProperty">;
export type MaintenanceProperty = NoticeProperty | AllowanceProperty;

// metric
export type MetricType =
  | "availability"
  | "latency"
  | "error rate"
  | "success rate"
  | "response time"
  | "resolution time";
/**
 * `indicator prometheus good "…" total "…"`: where the metric's data lives. The fields of all three
 * forms (good/total, errors/total, histogram/threshold) as the definition reads them; the builder
 * fills a string by its keyword, as the forms share the string token.
 */
export type IndicatorProperty = PropertyNode<"indicatorProperty">;
export type ServiceRefProperty = PropertyNode<"serviceProperty">;
export interface MetricTypeProperty extends PropertyBase {
  kind: "type";
  type?: MetricType;
  typeRange?: Range;
  percentile?: NumberLiteral;
}
export type MeasuredByProperty = PropertyNode<"measuredByProperty">;
export type DowntimeDefinitionProperty = PropertyNode<"downtimeProperty">;
export type DowntimeSliceProperty = PropertyNode<"downtimeSliceProperty">;

// objective
export type MetricRefProperty = PropertyNode<"metricProperty">;
export type TargetValue = PercentageLiteral | DurationLiteral | NumberLiteral;
export type TargetProperty = PropertyNode<"targetProperty">;
export interface MaxOutagePerIncidentProperty extends PropertyBase {
  kind: "max outage per incident";
  duration?: DurationLiteral;
}
export interface MaxTotalOutageProperty extends PropertyBase {
  kind: "max total outage";
  duration?: DurationLiteral;
  window?: WindowNode;
}
export type SeverityProperty = PropertyNode<"severityProperty">;
export type ResponseProperty = PropertyNode<"responseProperty">;
export type ResolutionProperty = PropertyNode<"resolutionProperty">;
/** `at least 95% of tickets per calendar month`. */
export type TicketShareProperty = PropertyNode<"ticketsProperty">;

// remedy and incentive
export type ForProperty = PropertyNode<"forProperty">;
export type CreditCondition =
  | {
      kind: "threshold";
      comparator?: ComparatorNode;
      threshold?: PercentageLiteral | DurationLiteral | NumberLiteral;
      bound?: CreditBound;
      range: Range;
    }
  | { kind: "each breach"; range: Range }
  | {
      /** `when breached 1 to 2 times per calendar quarter`, `… 5 or more times …`, `… 3 times …`. */
      kind: "breaches";
      from?: NumberLiteral;
      to?: NumberLiteral;
      orMore: boolean;
      window?: WindowNode;
      range: Range;
    }
  | {
      /** `for each started 30 minutes of downtime beyond the allowance`. */
      kind: "each unit";
      rounding?: "full" | "started";
      unit?: DurationLiteral;
      beyondAllowance: boolean;
      range: Range;
    };
/** The band's other bound: `but at least 99.0%` in `when below 99.99% but at least 99.0%`. */
export interface CreditBound {
  kind: "bound";
  comparator?: ComparatorNode;
  threshold?: PercentageLiteral | DurationLiteral | NumberLiteral;
  range: Range;
}
export interface CreditProperty extends PropertyBase {
  kind: "credit";
  /** A percentage of `basis`, or else a fixed `amount`. */
  percentage?: PercentageLiteral;
  basis?: FeeBasis;
  amount?: MoneyLiteral;
  condition?: CreditCondition;
}
export type CapProperty = PropertyNode<"capProperty">;
export type ClaimProperty = PropertyNode<"claimProperty">;
export type SoleRemedyProperty = PropertyNode<"soleRemedyProperty">;
export type ActionProperty = PropertyNode<"actionProperty">;
export type TerminateProperty = PropertyNode<"terminateProperty">;
export type BonusProperty = PropertyNode<"bonusProperty">;

// reporting
export type ReportProperty = PropertyNode<"reportProperty">;
export type ReviewProperty = PropertyNode<"reviewProperty">;

// clause
export type TextProperty = PropertyNode<"textProperty">;

/** The node each irregular property rule builds; the others' are read off the definition. */
interface IrregularNodes {
  renewalProperty: RenewalProperty;
  roleProperty: RoleProperty;
  workingHoursProperty: WorkingHoursProperty;
  excludeProperty: ExcludeProperty;
  typeProperty: MetricTypeProperty;
  maxOutageProperty: MaxOutagePerIncidentProperty | MaxTotalOutageProperty;
  creditProperty: CreditProperty;
  indicatorProperty: IndicatorProperty;
}
// An irregular rule without its node type above is a compile error.
const everyIrregularRuleHasANode: Exclude<CustomBuiltRule, keyof IrregularNodes> extends never ? true : never = true;
void everyIrregularRuleHasANode;

type NodeOfRule<Rule> = Rule extends keyof IrregularNodes
  ? IrregularNodes[Rule]
  : Rule extends PropertyRule
    ? PropertyNode<Rule>
    : never;

/** The properties a declaration kind may hold, as the definition lists them. */
type PropertiesOf<Kind> = NodeOfRule<Extract<(typeof DECLARATIONS)[number], { kind: Kind }>["properties"][number]>;

export type AgreementProperty = PropertiesOf<"agreement">;
export type PartyProperty = PropertiesOf<"party">;
export type CalendarProperty = PropertiesOf<"calendar">;
export type ServiceProperty = PropertiesOf<"service">;
export type MetricProperty = PropertiesOf<"metric">;
export type ObjectiveProperty = PropertiesOf<"objective">;
export type RemedyProperty = PropertiesOf<"remedy">;
export type IncentiveProperty = PropertiesOf<"incentive">;
export type ReportingProperty = PropertiesOf<"reporting">;
export type ClauseProperty = PropertiesOf<"clause">;

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

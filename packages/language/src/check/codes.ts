/**
 * The checker's diagnostics. Each entry is documented in docs/diagnostics.md; a test fails when a
 * code here is undocumented or never produced by any test input.
 */
import { defineDiagnostics as define } from "../diagnostics/catalogue.ts";

export const NameDiagnostics = define({
  duplicateName: {
    code: "SLA2001",
    severity: "error",
    title: "Duplicate name",
    message: "'{name}' is already declared as a {kind}; names must be unique across the contract and its imports.",
  },
  unresolvedName: {
    code: "SLA2002",
    severity: "error",
    title: "Unknown name",
    message: "No {expected} named '{name}' is declared.{suggestion}",
  },
  wrongKind: {
    code: "SLA2003",
    severity: "error",
    title: "Reference to the wrong kind of declaration",
    message: "'{name}' is a {actual}, but a {expected} is needed here.",
  },
  missingImport: {
    code: "SLA2004",
    severity: "error",
    title: "Imported file not found",
    message: "Cannot import '{path}': the file does not exist or cannot be read.",
  },
  importCycle: {
    code: "SLA2005",
    severity: "error",
    title: "Import cycle",
    message: "Import cycle: {chain}.",
  },
  importNotContract: {
    code: "SLA2007",
    severity: "error",
    title: "Import of a file that is not a contract",
    message: "Cannot import '{path}': only .sla files can be imported.",
  },
  importUrl: {
    code: "SLA2008",
    severity: "error",
    title: "Import of a URL",
    message:
      "Cannot import '{path}': an import names a file by its path, relative to the importing file, not by a URL.",
  },
  importUnreadable: {
    code: "SLA2009",
    severity: "error",
    title: "Imported file cannot be read as a contract",
    message: "Cannot import '{path}': {reason}.",
  },
  unused: {
    code: "SLA2006",
    severity: "warning",
    title: "Unused declaration",
    message: "The {kind} '{name}' is declared but never used.",
  },
});

export const StructureDiagnostics = define({
  multipleAgreements: {
    code: "SLA3001",
    severity: "error",
    title: "More than one agreement",
    message: "A contract has one agreement, but '{name}' is another one besides '{first}'.",
  },
  noProvider: {
    code: "SLA3002",
    severity: "error",
    title: "No provider party",
    message: "The agreement '{name}' has no party with 'role provider': someone must provide the services.",
  },
  noCustomer: {
    code: "SLA3003",
    severity: "error",
    title: "No customer party",
    message: "The agreement '{name}' has no party with 'role customer': someone must receive the services.",
  },
  wrongRole: {
    code: "SLA3004",
    severity: "error",
    title: "Party in the wrong role",
    message: "'{party}' is named as the {expected} of the service '{service}', but its role is {actual}.",
  },
  duplicateProperty: {
    code: "SLA3005",
    severity: "error",
    title: "Property given twice",
    message: "'{property}' is already given in this {kind}; give it only once.",
  },
  missingProperty: {
    code: "SLA3006",
    severity: "error",
    title: "Missing required property",
    message: "The {kind} '{name}' {problem}",
  },
  withoutQualified: {
    code: "SLA3010",
    severity: "error",
    title: "Property without the property it qualifies",
    message: "'{property}' is about '{needed}', which this {kind} does not have: add it, or remove '{property}'.",
  },
});

export const ValueDiagnostics = define({
  percentageOutOfRange: {
    code: "SLA4001",
    severity: "error",
    title: "Percentage out of range",
    message: "{value}% is not a percentage between 0% and 100%.",
  },
  wrongDimension: {
    code: "SLA4002",
    severity: "error",
    title: "Value does not fit the metric",
    message: "{what} {value} is {actual}, but {expected}.",
  },
  currencyMismatch: {
    code: "SLA4003",
    severity: "error",
    title: "Amount in another currency",
    message: "This amount is in {currency}, but the agreement '{agreement}' is in {expected}.",
  },
  unknownCurrency: {
    code: "SLA4004",
    severity: "error",
    title: "Unknown currency",
    message: "'{code}' is not an ISO 4217 currency code.{suggestion}",
  },
  impossibleDate: {
    code: "SLA4005",
    severity: "error",
    title: "Impossible date",
    message: "{date} does not exist: {reason}.",
  },
  impossibleTime: {
    code: "SLA4006",
    severity: "error",
    title: "Impossible time of day",
    message: "{time} is not a time of day: times run from 00:00 to 24:00.",
  },
  dayEndsBeforeStart: {
    code: "SLA4007",
    severity: "error",
    title: "Calendar day ends before it starts",
    message: "These hours run from {from} to {to}: the day ends {relation} it starts.",
  },
  unknownTimeZone: {
    code: "SLA4008",
    severity: "error",
    title: "Unknown time zone",
    message: "'{zone}' is not an IANA time zone name.{suggestion}",
  },
  zeroDuration: {
    code: "SLA4009",
    severity: "error",
    title: "Zero duration",
    message: "{duration} is no time at all: a duration must be longer than zero.",
  },
  percentileOutOfRange: {
    code: "SLA4010",
    severity: "error",
    title: "Percentile out of range",
    message: "Percentile {value} is not above 0 and at most 100.",
  },
  notPositiveWholeNumber: {
    code: "SLA4011",
    severity: "error",
    title: "Not a positive whole number",
    message: "{what} must be a positive whole number (1, 2, 3 …), not {value}.",
  },
  businessTimeWithoutCalendar: {
    code: "SLA4012",
    severity: "warning",
    title: "Business time without a business calendar",
    message:
      "'{duration}' counts business time, but the agreement '{agreement}' names no 'business calendar': it will count Monday to Friday, all day.",
  },
  rollingWindowNotDays: {
    code: "SLA4013",
    severity: "error",
    title: "Rolling window not in whole days",
    message: "A rolling window is a whole number of days or weeks, not {duration}.",
  },
  durationTooLong: {
    code: "SLA4014",
    severity: "error",
    title: "Duration too long to evaluate",
    message: "{duration} is longer than {max}, the longest {what} the engine evaluates.",
  },
  countTooLarge: {
    code: "SLA4015",
    severity: "error",
    title: "Count too large to evaluate",
    message: "{what} is {value}, more than the {max} the engine evaluates.",
  },
  businessTimeTooLong: {
    code: "SLA4016",
    severity: "error",
    title: "Business time too long to evaluate",
    message:
      "{duration} of working time on '{calendar}' ({week}) takes longer than {max} to pass, the longest the engine evaluates.",
  },
  outageLimitNotFixed: {
    code: "SLA4017",
    severity: "error",
    title: "Outage limit without a fixed length",
    message:
      "{duration} has no fixed length: {what} is an amount of downtime, given in milliseconds, seconds, minutes, hours, days or weeks.",
  },
  fractionOfVariableUnit: {
    code: "SLA4018",
    severity: "error",
    title: "Fraction of a month, year or business day",
    message:
      "{duration} is not a whole number of {unit}s: {unit}s differ in length, so only whole ones can be counted.",
  },
  indicatorDoesNotFitMetric: {
    code: "SLA4019",
    severity: "error",
    title: "Indicator that does not fit the metric",
    message: "{form} does not measure {type}: {fits}.",
  },
  indicatorSliceUncountable: {
    code: "SLA4020",
    severity: "error",
    title: "Indicator slice that cannot be counted",
    message: "The indicator's slice {reason}.",
  },
  targetHoursNotAvailability: {
    code: "SLA4021",
    severity: "error",
    title: "Target hours on a target that does not count time",
    message:
      "`{scope} {calendar}` limits the scheduled time an availability target counts, but {reason}: give the hours on the service instead, or leave them out.",
  },
  downtimeSliceUncountable: {
    code: "SLA4023",
    severity: "error",
    title: "Time-slice downtime that cannot be counted",
    message: "The downtime slice's {reason}.",
  },
  billingMonthStartDay: {
    code: "SLA4022",
    severity: "error",
    title: "Billing month that starts on a day not in every month",
    message:
      "A billing month from day {day} cannot start in every month: give a whole day from 1 to 28 (a cycle that starts at the end of a month is `per calendar month`).",
  },
});

export const TierDiagnostics = define({
  duplicateThreshold: {
    code: "SLA5001",
    severity: "error",
    title: "Tier threshold given twice",
    message: "Another credit of this remedy already has the threshold {threshold}; tier thresholds must be distinct.",
  },
  creditFalls: {
    code: "SLA5002",
    severity: "error",
    title: "Credit falls as service worsens",
    message:
      "This tier pays {credit} {condition}, less than the {better} paid {betterCondition}, although the service is worse.",
  },
  tierAboveTarget: {
    code: "SLA5003",
    severity: "error",
    title: "Credit paid while the objective is met",
    message:
      "The credit {condition} pays while '{objective}' is met: at {example} the target ({target}) is met, yet this credit is due.",
  },
  uncoveredBand: {
    code: "SLA5004",
    severity: "warning",
    title: "Breach without credit",
    message:
      "'{objective}' is breached {band}, but no credit of '{remedy}' applies there: the first tier starts {condition}.",
  },
  creditAboveCap: {
    code: "SLA5005",
    severity: "warning",
    title: "Credit above the cap",
    message: "This credit of {credit} of the {basis} fee can never be paid in full: the cap is {cap}.",
  },
  bonusWhileBreached: {
    code: "SLA5006",
    severity: "error",
    title: "Bonus paid while the objective is breached",
    message:
      "The bonus {condition} is earned while '{objective}' is breached: at {example} the target ({target}) is missed, yet the bonus is due.",
  },
  percentageOfMissingFee: {
    code: "SLA5007",
    severity: "error",
    title: "Percentage of a fee that is not stated",
    message:
      "This {what} is a percentage of the {basis} fee, but '{service}' states no fee: add `fee` to the service so the amount can be computed.",
  },
  bandBoundsSameWay: {
    code: "SLA5008",
    severity: "error",
    title: "Band with two bounds on one side",
    message:
      "The band {condition} has two bounds on the same side; a band is one upper and one lower bound, as in `when below 99.99% but at least 99.0%`.",
  },
  emptyBand: {
    code: "SLA5009",
    severity: "error",
    title: "Band that holds for no value",
    message:
      "The band {condition} holds for no value, so this credit can never be paid: its lower bound is above its upper one, or they meet at a value one of them leaves out.",
  },
  creditAtTarget: {
    code: "SLA5010",
    severity: "warning",
    title: "Credit paid at exactly the target",
    message:
      "The credit {condition} is also paid at exactly {example}, where '{objective}' meets its target ({target}): the tier and the target overlap at that one value. Some published agreements are written so; if this one is not, start the tier below the target.",
  },
  minimumAboveCredits: {
    code: "SLA5011",
    severity: "warning",
    title: "Minimum credit that no credit reaches",
    message:
      "The minimum credit {minimum} is more than '{remedy}' can pay in a window ({most}), so it would never pay anything; lower the minimum or raise the credits.",
  },
  downtimeUnitUncountable: {
    code: "SLA5012",
    severity: "error",
    title: "Credit per unit of downtime that cannot be counted",
    message: "The credit {condition} cannot be counted: {reason}.",
  },
  breachBandUnpayable: {
    code: "SLA5013",
    severity: "error",
    title: "Breach band that can never be paid",
    message: "The credit {condition} can never be paid: {reason}.",
  },
  chargedFeeUnknown: {
    code: "SLA5014",
    severity: "error",
    title: "Fee as charged where the charges do not give the amount",
    message:
      "'{service}' has its fee as charged, which the observed data gives period by period, so this {what} cannot be computed: {reason}.",
  },
  unitFeeMismatch: {
    code: "SLA5015",
    severity: "error",
    title: "Percentage of a fee that is not the unit's",
    message: "This {what} is a percentage of the {basis} fee, but {reason}.",
  },
  perUnitNotEvaluated: {
    code: "SLA5016",
    severity: "error",
    title: "Per-unit objective with a term evaluated another way",
    message: "'{objective}' holds for each {unit}, but {reason}.",
  },
});

export const ConsistencyDiagnostics = define({
  outageLimitLooserThanTarget: {
    code: "SLA6001",
    severity: "warning",
    title: "Outage limit looser than the availability target",
    message:
      "max total outage of {limit} per {window} is looser than the {target}% target of {objective}, which {allows} {budgets}.",
  },
  incidentLongerThanAllowance: {
    code: "SLA6002",
    severity: "warning",
    title: "Incident limit longer than the total allowance",
    message:
      "max outage per incident of {incident} is longer than {allowance}: a single incident within this limit already breaches it.",
  },
  resolutionBeforeResponse: {
    code: "SLA6003",
    severity: "error",
    title: "Resolution target shorter than response target",
    message:
      "Resolution within {resolution} is shorter than response within {response}: a ticket must be answered before it is resolved.",
  },
  allowanceLongerThanWindow: {
    code: "SLA6004",
    severity: "error",
    title: "Maintenance allowance longer than its window",
    message: "A maintenance allowance of {allowance} per {window} is longer than {shortest}.",
  },
  terminationUnreachable: {
    code: "SLA6005",
    severity: "error",
    title: "Termination threshold cannot be reached",
    message:
      "'{objective}' can be breached at most {windows} {times} within {within} (once per {window}), so {count} breaches can never happen.",
  },
  rulesEvaluatedApart: {
    code: "SLA6006",
    severity: "error",
    title: "Objective combines rules that are evaluated apart",
    message:
      "'{objective}' combines {first} with {second}: one objective is measured one way, so the engine could honour only one of them. Make them two objectives.",
  },
});

/** How the contract frames itself: a schedule to a master agreement, parties' labels. */
export const FramingDiagnostics = define({
  masterTermsWithoutSchedule: {
    code: "SLA3007",
    severity: "error",
    title: "Master terms without a schedule",
    message:
      "'master terms' defer to a master agreement, but this agreement is not a schedule to one: add `schedule N to \"…\"` or remove the master terms.",
  },
  duplicateLabel: {
    code: "SLA3008",
    severity: "error",
    title: "Two parties called the same",
    message:
      "'{party}' is called \"{label}\", as '{other}' already is: the contract could not tell them apart. Give each party its own label.",
  },
  twoLabels: {
    code: "SLA3009",
    severity: "error",
    title: "A party called and known as",
    message:
      '\'{party}\' has both `called` and `known as`: a party goes by one label. Keep `called "Supplier"` for a term the contract writes with "the", or `known as "AWS"` for a name.',
  },
  unusedDefinition: {
    code: "SLA6007",
    severity: "warning",
    title: "Defined term that no clause uses",
    message:
      "\"{term}\" is defined but nothing in the contract uses it as spelled (a term is used where its exact spelling, capitals included, appears in a clause's text, another term's meaning or any other text the contract writes).",
  },
  undefinedTerm: {
    code: "SLA6008",
    severity: "warning",
    title: "Quoted term that nothing defines",
    message:
      'The text writes "{term}" as a defined term, but the contract does not define it: add `define "{term}" as "…"` to the agreement, or write it without quotes if it is not a term.',
  },
});

/** Outsourcing provisions: fees at risk, allocations and earn-back (issue 20). */
export const AtRiskDiagnostics = define({
  allocationsAbovePool: {
    code: "SLA7001",
    severity: "error",
    title: "Allocations above the pool maximum",
    message:
      "The critical service levels of '{service}' are allocated {total}% of the pool, more than its pool maximum of {maximum}%.",
  },
  criticalWithoutAllocation: {
    code: "SLA7002",
    severity: "error",
    title: "Critical service level without an allocation",
    message:
      "'{objective}' is a critical service level but has no allocation: say which share of the At-Risk Amount it carries (`critical allocation 20%`).",
  },
  expectedLooserThanMinimum: {
    code: "SLA7003",
    severity: "error",
    title: "Expected service level looser than the minimum",
    message:
      "The expected service level of '{objective}' ({expected}) is looser than its minimum ({minimum}): a value of {example} meets the expected level and fails the minimum.",
  },
  minimumNotComparable: {
    code: "SLA7004",
    severity: "error",
    title: "Minimum service level not comparable with the target",
    message: "The minimum of '{objective}' ({minimum}) {reason}.",
  },
  earnBackLongerThanTerm: {
    code: "SLA7005",
    severity: "error",
    title: "Earn-back period longer than the term",
    message:
      "Earning a credit back takes {months} consecutive months, longer than the term of {term}: no credit could ever be earned back.",
  },
  withoutAtRisk: {
    code: "SLA7006",
    severity: "error",
    title: "Fees-at-risk term without an At-Risk Amount",
    message:
      "{what} needs the At-Risk Amount of '{service}': add `at risk 12% of monthly fee` (with its own percentage) to the service.",
  },
  criticalAndKey: {
    code: "SLA7007",
    severity: "error",
    title: "Critical service level and key measurement at once",
    message:
      "'{objective}' is both a critical service level and a key measurement: a key measurement carries no credit. Keep one of them.",
  },
  samplingIntervalUnfit: {
    code: "SLA7008",
    severity: "error",
    title: "Sampling interval the engine cannot check",
    message:
      "A sampling interval of {interval} {reason}: give it in seconds, minutes, hours, days or weeks, at least 1 second.",
  },
  outcomePayWithoutService: {
    code: "SLA7009",
    severity: "error",
    title: "Outcome-based pay without a service",
    message:
      "'{incentive}' pays a share of a fee on a business outcome but names no service whose fee it is: add `service …` to it.",
  },
  outcomeShareNotPercentage: {
    code: "SLA7010",
    severity: "error",
    title: "Outcome band not a percentage",
    message:
      "An outcome's value is the share of its records that met it, a percentage: {threshold} cannot be compared with it.",
  },
});

/** Failures of the checker itself, not of the contract. */
export const InternalDiagnostics = define({
  ruleFailed: {
    code: "SLA9001",
    severity: "error",
    title: "Internal error in a checking rule",
    message:
      "Internal error in rule {rule}: please report it ({error}). The other diagnostics of this check are still shown.",
  },
});

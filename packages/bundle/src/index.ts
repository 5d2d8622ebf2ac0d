/**
 * `@sla/bundle`: the rule bundle `sla-rules/1` — its types and JSON Schema from one definition, its
 * serialisation, and the Markdown escaping and money formatting that every document made from a
 * bundle (the contract, the service report) shares. No parser, no language: what a reader of
 * bundles needs.
 */
export type {
  BundleAgreement,
  BundleBudget,
  BundleCalendar,
  BundleChangeOfControl,
  BundleClause,
  BundleCredit,
  BundleDuration,
  BundleExclusion,
  BundleFeesAtRisk,
  BundleHours,
  BundleIncentive,
  BundleIndicator,
  BundleMeasurementPlan,
  BundleMetric,
  BundleMoney,
  BundleObjective,
  BundleOutcome,
  BundleParty,
  BundleRemedy,
  BundleReporting,
  BundleService,
  BundleSupport,
  BundleTargetValue,
  BundleWindow,
  Comparator,
  DurationUnit,
  ExclusionCause,
  FeeBasis,
  Frequency,
  MetricType,
  RuleBundle,
  Source,
  Weekday,
  WindowPeriod,
} from "./definition.ts";
export { BUNDLE_FORMAT, BUNDLE_SCHEMA_ID, INDICATOR_WINDOW } from "./definition.ts";
export { bundleSchema, bundleSchemaText, JSON_SCHEMA_DIALECT, type JsonSchema } from "./schema.ts";
export { serializeBundle } from "./serialize.ts";
export { escapeCell, escapeInline, escapeParagraphs, join, Markdown, md, plainLine, raw } from "./markdown-escape.ts";
export { formatMoney, groupDigits, minorUnits } from "./money.ts";

/**
 * `@sla/bundle`: the rule bundle `sla-rules/1` — its types and JSON Schema from one definition, its
 * serialisation, and the Markdown escaping and money formatting that every document made from a
 * bundle (the contract, the service report) shares. No parser, no language: what a reader of
 * bundles needs.
 */
export type {
  BundleBudget,
  BundleChangeOfControl,
  BundleCredit,
  BundleDuration,
  BundleExclusion,
  BundleFeesAtRisk,
  BundleHours,
  BundleIndicator,
  BundleMeasurementPlan,
  BundleMoney,
  BundleOutcome,
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
// the declarations' schemas as values too: the compiler reads which fields come from which property
export {
  BundleAgreement,
  BundleCalendar,
  BundleClause,
  BundleIncentive,
  BundleMetric,
  BundleObjective,
  BundleParty,
  BundleRemedy,
  BundleReporting,
  BundleService,
} from "./definition.ts";
export { FROM_PROPERTY, type FromProperty, fromProperty, propertyFields, type Unmapped } from "./builders.ts";
export type { TObject as ObjectSchema } from "@sinclair/typebox";
export { BUNDLE_FORMAT, BUNDLE_SCHEMA_ID, INDICATOR_WINDOW } from "./definition.ts";
export { bundleSchema, bundleSchemaText, JSON_SCHEMA_DIALECT, type JsonSchema } from "./schema.ts";
export { serializeBundle } from "./serialize.ts";
export { escapeCell, escapeInline, escapeParagraphs, join, Markdown, md, plainLine, raw } from "./markdown-escape.ts";
export { formatMoney, groupDigits, minorUnits } from "./money.ts";

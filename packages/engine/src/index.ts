export { evaluate, type EvaluateOptions } from "./evaluate.ts";
export type {
  EventItem,
  EventRecord,
  InvalidLine,
  MeasurementRecord,
  OutageCause,
  OutageRecord,
  TicketRecord,
} from "./events.ts";
export { toEventItem } from "./events.ts";
export { ndjsonEvents } from "./readers/ndjson.ts";
export { CSV_COLUMNS, CSV_FIELDS, type CsvOptions, csvEvents } from "./readers/csv.ts";
export type { LocalTimeOptions } from "./readers/local-time.ts";
export { CSV_PRESETS, type CsvPreset, type EventField, parseColumnMap } from "./readers/presets.ts";
export {
  MEASUREMENT_STEP_MS,
  type PrometheusCoverage,
  PrometheusError,
  type PrometheusSource,
  prometheusCoverage,
  prometheusRecords,
} from "./readers/prometheus.ts";
export { renderReportCsv, REPORT_CSV_COLUMNS } from "./report-csv.ts";
export { MAX_LINE_LENGTH, splitLines, type TextSource } from "./readers/lines.ts";
export { renderReportMarkdown } from "./report-markdown.ts";
export type * from "./report-types.ts";
export {
  BundleProblemError,
  BundleValidationError,
  ChargeDataError,
  EvaluationOptionsError,
  EventDataError,
} from "./errors.ts";
export { validateBundle } from "./validate.ts";
export type { RuleBundle } from "./bundle.ts";

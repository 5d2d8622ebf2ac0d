/** A field of an event record, as NDJSON names it. */
export type EventField =
  | "type"
  | "service"
  | "metric"
  | "start"
  | "end"
  | "cause"
  | "announced"
  | "severity"
  | "opened"
  | "responded"
  | "resolved"
  | "acknowledged"
  | "at"
  | "value"
  | "period"
  | "amount"
  | "currency"
  | "total"
  | "failed"
  | "good"
  | "unit";

/**
 * How an export of another tool reads as events: which column holds each field, the fields every
 * row shares (its record type, an outage's cause), words translated to the values the engine
 * takes (a priority name to a severity number) and, for a tool that writes times its own way, the
 * Luxon format of its times (read in the agreement's zone).
 */
export interface CsvPreset {
  readonly description: string;
  readonly columns: Readonly<Partial<Record<EventField, string>>>;
  readonly constants: Readonly<Partial<Record<EventField, string>>>;
  readonly values?: Readonly<Partial<Record<EventField, Readonly<Record<string, string>>>>>;
  readonly timeFormat?: string;
}

/**
 * Built-in presets, written from the columns the tools document for their exports; `--map`
 * overrides any column when an account's export names it differently.
 */
export const CSV_PRESETS: Readonly<Record<string, CsvPreset>> = {
  pagerduty: {
    description:
      "an incident-management tool's incident export (PagerDuty-style: service_name, created_on, resolved_on)",
    columns: { service: "service_name", start: "created_on", end: "resolved_on" },
    constants: { type: "outage", cause: "unplanned" },
  },
  statuspage: {
    description:
      "a status page's incident history (Atlassian Statuspage-style: components, started_at, resolved_at; one component a row)",
    columns: { service: "components", start: "started_at", end: "resolved_at" },
    constants: { type: "outage", cause: "unplanned" },
  },
  jira: {
    description:
      "an issue tracker's ticket export (Jira-style: Component/s, Priority Highest to Lowest as severity 1 to 5, Created, Resolved as dd/MMM/yy h:mm a)",
    columns: { service: "Component/s", severity: "Priority", opened: "Created", resolved: "Resolved" },
    constants: { type: "ticket" },
    values: { severity: { highest: "1", high: "2", medium: "3", low: "4", lowest: "5" } },
    timeFormat: "dd/MMM/yy h:mm a",
  },
};

/** `start=Created,end=Resolved` as a field → column map; a reason when the text is not one. */
export function parseColumnMap(text: string, fields: readonly string[]): Partial<Record<EventField, string>> | string {
  const map: Partial<Record<EventField, string>> = {};
  for (const pair of text.split(",")) {
    const eq = pair.indexOf("=");
    if (eq <= 0 || eq === pair.length - 1) return `"${pair}" is not FIELD=COLUMN`;
    const field = pair.slice(0, eq).trim().toLowerCase();
    if (!fields.includes(field)) return `"${field}" is not a field (fields: ${fields.join(", ")})`;
    if (Object.hasOwn(map, field)) return `"${field}" is mapped twice`;
    map[field as EventField] = pair.slice(eq + 1).trim();
  }
  return map;
}

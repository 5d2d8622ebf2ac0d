/**
 * `sla import openslo FILE…`: a starting `.sla` contract from OpenSLO v1 documents — an agreement
 * stub, placeholder parties, the services, a metric with its indicator per SLI, an objective per
 * SLO objective with its target and window — and the list of what could not be carried over.
 * The exact decimal text of a target is kept (0.999 → 99.9%), through decimal.js.
 */
import Decimal from "decimal.js";
import { isMap, LineCounter, parseAllDocuments } from "yaml";
import { ANNOTATION } from "./openslo.ts";

export interface OpenSloFile {
  readonly path: string;
  readonly text: string;
}

export interface OpenSloImport {
  /** The `.sla` text. */
  readonly contract: string;
  /** What the contract does not carry over, one line each, naming the file and document. */
  readonly notCarried: string[];
}

/** A YAML syntax error or a document that is not OpenSLO: file, line and column. */
export class OpenSloError extends Error {}

type Json = Record<string, unknown>;

interface Located {
  readonly doc: Json;
  readonly where: string;
}

/** The placeholders for what OpenSLO does not say; `sla check` passes with them (docs/ops.md). */
export const IMPORT_PLACEHOLDERS = {
  provider: "Provider",
  customer: "Customer",
  effective: "2026-01-01",
  currency: "EUR",
} as const;

export function importOpenSlo(files: readonly OpenSloFile[]): OpenSloImport {
  const notCarried: string[] = [];
  const services: Located[] = [];
  const slis = new Map<string, Located>();
  const slos: Located[] = [];
  for (const file of files) {
    const lines = new LineCounter();
    for (const document of parseAllDocuments(file.text, { lineCounter: lines })) {
      const at = (offset: number) => {
        const { line, col } = lines.linePos(offset);
        return `${file.path}:${line}:${col}`;
      };
      const [error] = document.errors;
      if (error) throw new OpenSloError(`${at(error.pos[0])}: ${error.message.split("\n")[0]}`);
      if (document.contents === null) continue;
      const start = document.contents.range?.[0] ?? 0;
      if (!isMap(document.contents)) throw new OpenSloError(`${at(start)}: not an OpenSLO document (a mapping)`);
      const doc = document.toJS() as Json;
      const kind = doc.kind;
      const name = str(obj(doc.metadata).name);
      const where = `${at(start)} (${String(kind)} ${name ?? "?"})`;
      if (doc.apiVersion !== "openslo/v1") {
        notCarried.push(`${where}: apiVersion ${String(doc.apiVersion)} is not openslo/v1; skipped`);
        continue;
      }
      if (kind === "Service") services.push({ doc, where });
      else if (kind === "SLI" && name) slis.set(name, { doc, where });
      else if (kind === "SLO") slos.push({ doc, where });
      else notCarried.push(`${where}: an OpenSLO ${String(kind)} has no place in a contract; skipped`);
    }
  }
  const out = new ContractWriter();
  for (const { doc } of services) {
    const meta = obj(doc.metadata);
    out.service(str(meta.name) ?? "service", str(meta.displayName));
  }
  for (const slo of slos) importSlo(slo, slis, out, notCarried);
  return { contract: out.text(), notCarried };
}

function importSlo(slo: Located, slis: Map<string, Located>, out: ContractWriter, notCarried: string[]): void {
  const { doc, where } = slo;
  const meta = obj(doc.metadata);
  const spec = obj(doc.spec);
  const sloName = str(meta.name) ?? "slo";
  const inline = obj(spec.indicator);
  const sli = str(spec.indicatorRef)
    ? slis.get(str(spec.indicatorRef)!)
    : Object.keys(inline).length
      ? { doc: inline, where }
      : undefined;
  if (!sli) {
    notCarried.push(`${where}: its SLI ${str(spec.indicatorRef) ?? "(none)"} is not among the files; skipped`);
    return;
  }
  const metric = importSli(sli, out, notCarried);
  if (!metric) {
    notCarried.push(`${where}: its SLI could not be carried over; skipped`);
    return;
  }
  const service = str(spec.service);
  if (service) out.service(service, undefined);
  const timeslices = spec.budgetingMethod === "Timeslices";
  if (spec.budgetingMethod !== "Occurrences" && !timeslices)
    notCarried.push(`${where}: budgetingMethod ${String(spec.budgetingMethod)} is counted as Occurrences`);
  for (const key of ["alertPolicies"])
    if (spec[key] !== undefined) notCarried.push(`${where}: ${key} not carried over`);
  const windows = Array.isArray(spec.timeWindow) ? (spec.timeWindow as unknown[]) : [];
  const window = importWindow(obj(windows[0]), out, `${where}: timeWindow`, notCarried);
  const objectives = Array.isArray(spec.objectives) ? (spec.objectives as unknown[]) : [];
  objectives.forEach((entry, i) => {
    const objective = obj(entry);
    const target = objective.target;
    const name = objectives.length > 1 ? `${sloName}-${i + 1}` : sloName;
    if (typeof target !== "number" && typeof target !== "string") {
      notCarried.push(`${where}: objective ${i + 1} has no target (op/value thresholds are not carried over)`);
      return;
    }
    if (timeslices) importSlice(objective, metric, out, `${where}: objective ${i + 1}`, notCarried);
    const comparatorAnnotation = str(obj(meta.annotations)[ANNOTATION.comparator]);
    out.objective({
      name,
      title: str(objective.displayName) ?? str(meta.displayName),
      metric,
      service,
      target: targetText(metric, String(target), comparatorAnnotation),
      window,
    });
  });
}

interface ImportedMetric {
  readonly name: string;
  readonly type: "availability" | "error rate" | "latency";
  readonly threshold?: string;
}

function importSli({ doc, where }: Located, out: ContractWriter, notCarried: string[]): ImportedMetric | undefined {
  const meta = obj(doc.metadata);
  const annotations = obj(meta.annotations);
  const existing = out.metricNamed(str(meta.name));
  if (existing) return existing;
  const ratio = obj(obj(doc.spec).ratioMetric);
  const query = (part: unknown): string | undefined => {
    const source = obj(obj(part).metricSource);
    if (source.type !== undefined && source.type !== "Prometheus") return undefined;
    return str(obj(source.spec).query)?.replace(/\{\{\s*\.window\s*\}\}/g, "$window");
  };
  const good = query(ratio.good);
  const bad = query(ratio.bad);
  const total = query(ratio.total);
  if (!total || (!good && !bad)) {
    notCarried.push(`${where}: only Prometheus ratio metrics (good or bad over total) are carried over`);
    return undefined;
  }
  const histogram = str(annotations[ANNOTATION.histogram]);
  const threshold = str(annotations[ANNOTATION.threshold]);
  const declared = str(annotations[ANNOTATION.metricType]);
  const name = str(annotations[ANNOTATION.metric]) ?? pascal(str(meta.name) ?? "indicator");
  const title = str(meta.displayName);
  let metric: ImportedMetric;
  let indicator: string;
  if (declared === "latency" && histogram && threshold) {
    metric = { name, type: "latency", threshold };
    indicator = `histogram ${quote(histogram)} below ${threshold}`;
  } else {
    metric = { name, type: declared === "error rate" || (!declared && bad) ? "error rate" : "availability" };
    indicator = good ? `good ${quote(good)} total ${quote(total)}` : `errors ${quote(bad!)} total ${quote(total)}`;
  }
  const percentile = str(annotations[ANNOTATION.percentile]);
  out.metric(str(meta.name) ?? name, metric, title, indicator, percentile);
  return metric;
}

/**
 * Timeslices budgeting on an availability metric: its slice (`slice 1 minute above 5%`), where a
 * slice whose good share is below `timeSliceTarget` is downtime. Anything else is counted as
 * Occurrences, and said so.
 */
function importSlice(
  objective: Json,
  metric: ImportedMetric,
  out: ContractWriter,
  where: string,
  notCarried: string[],
) {
  const target = str(objective.timeSliceTarget);
  const window = str(objective.timeSliceWindow)?.match(/^([1-9]\d*)([smh])$/);
  const seconds = window ? Number(window[1]) * { s: 1, m: 60, h: 3600 }[window[2] as "s" | "m" | "h"] : 0;
  const good = target !== undefined && /^\d+(\.\d+)?$/.test(target) ? new Decimal(target) : undefined;
  if (metric.type !== "availability" || !window || 3600 % seconds !== 0 || !good || good.lte(0) || good.gt(1)) {
    notCarried.push(
      `${where}: Timeslices (timeSliceTarget ${target ?? "(none)"}, timeSliceWindow ${str(objective.timeSliceWindow) ?? "(none)"}) is counted as Occurrences: the language counts slices of an availability metric whose length divides an hour`,
    );
    return;
  }
  const unit = { s: "second", m: "minute", h: "hour" }[window[2] as "s" | "m" | "h"];
  const slice = `slice ${window[1]} ${unit}${window[1] === "1" ? "" : "s"} above ${new Decimal(1).minus(good).times(100).toString()}%`;
  const existing = out.setSlice(metric.name, slice);
  if (existing !== slice)
    notCarried.push(`${where}: its metric ${metric.name} already counts ${existing}; ${slice} not carried over`);
}

function targetText(metric: ImportedMetric, target: string, comparator: string | undefined): string {
  const percent = new Decimal(target).times(100);
  switch (metric.type) {
    case "availability":
      return `${comparator === "above" ? "above" : "at least"} ${percent.toString()}%`;
    case "error rate":
      return `${comparator === "below" ? "below" : "at most"} ${new Decimal(100).minus(percent).toString()}%`;
    case "latency":
      return `at most ${metric.threshold}`;
  }
}

const CALENDAR: Record<string, string> = {
  "1M": "per calendar month",
  "1Q": "per calendar quarter",
  "1Y": "per calendar year",
  "1w": "per week",
  "1d": "per calendar day",
  "1h": "per hour",
};

function importWindow(window: Json, out: ContractWriter, where: string, notCarried: string[]): string {
  const duration = str(window.duration) ?? "";
  const calendar = obj(window.calendar);
  const timeZone = str(calendar.timeZone);
  if (timeZone) out.timezone(timeZone);
  const start = str(calendar.startTime)?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  // a month from another day than the 1st is a billing month; its start is not the agreement's,
  // nor is a week's (the Monday its first week begins)
  const day = start ? Number(start.slice(8)) : 1;
  const billing = window.isRolling !== true && duration === "1M" && day > 1 && day <= 28;
  if (start) out.effective(start, billing || duration === "1w");
  const rolling = duration.match(/^(\d+)([dw])$/);
  if (window.isRolling === true && rolling) return `per rolling ${rolling[1]} ${rolling[2] === "d" ? "days" : "weeks"}`;
  if (billing) return `per billing month from day ${day}`;
  if (window.isRolling !== true && CALENDAR[duration]) return CALENDAR[duration]!;
  notCarried.push(`${where} ${duration || "(none)"} has no window in the language; written as per calendar month`);
  return "per calendar month";
}

/** Collects the declarations and writes them in the language's canonical order. */
class ContractWriter {
  private readonly services = new Map<string, string | undefined>();
  private readonly metrics: string[] = [];
  private readonly metricsByName = new Map<string, ImportedMetric>();
  private readonly objectives: string[] = [];
  private zone?: string;
  private start?: string;
  private fallbackStart?: string;

  service(openSloName: string, title: string | undefined): void {
    const name = pascal(openSloName);
    if (!this.services.has(name) || title) this.services.set(name, title ?? this.services.get(name));
  }

  /** Adds the slice to a metric's indicator line; the slice it has (the first one given). */
  setSlice(metricName: string, slice: string): string {
    const index = this.metrics.findIndex(
      (m) => m.startsWith(`metric ${metricName} `) || m.startsWith(`metric ${metricName}{`),
    );
    const line = this.metrics[index]!.split("\n").find((l) => l.startsWith("  indicator "))!;
    const existing = line.match(/ (slice \d+ \w+ above [\d.]+%)$/)?.[1];
    if (existing) return existing;
    this.metrics[index] = this.metrics[index]!.replace(line, `${line} ${slice}`);
    return slice;
  }

  metricNamed(openSloName: string | undefined): ImportedMetric | undefined {
    return openSloName ? this.metricsByName.get(openSloName) : undefined;
  }

  metric(
    sliName: string,
    metric: ImportedMetric,
    title: string | undefined,
    indicator: string,
    percentile: string | undefined,
  ): void {
    this.metricsByName.set(sliName, metric);
    const type = metric.type === "latency" ? `latency percentile ${percentile ?? "99"}` : metric.type;
    this.metrics.push(
      `metric ${metric.name}${title ? ` ${quote(title)}` : ""} {\n  type ${type}\n  indicator prometheus ${indicator}\n}\n`,
    );
  }

  objective(o: {
    name: string;
    title?: string;
    metric: ImportedMetric;
    service?: string;
    target: string;
    window: string;
  }): void {
    this.objectives.push(
      `objective ${pascal(o.name)}${o.title ? ` ${quote(o.title)}` : ""} {\n  metric ${o.metric.name}\n  target ${o.target} ${o.window}\n}\n`,
    );
    // a metric names the service of its first objective
    const index = this.metrics.findIndex(
      (m) => m.startsWith(`metric ${o.metric.name} `) || m.startsWith(`metric ${o.metric.name}{`),
    );
    const service = o.service ? pascal(o.service) : this.services.keys().next().value;
    if (index >= 0 && service && !this.metrics[index]!.includes("\n  service "))
      this.metrics[index] = this.metrics[index]!.replace("{\n", `{\n  service ${service}\n`);
  }

  timezone(zone: string): void {
    this.zone ??= zone;
  }

  /** The first calendar window's start; a billing month's or a week's only when no other window gives one. */
  effective(date: string, fallback = false): void {
    if (fallback) this.fallbackStart ??= date;
    else this.start ??= date;
  }

  text(): string {
    const p = IMPORT_PLACEHOLDERS;
    const parts = [
      `// Imported from OpenSLO by \`sla import openslo\`: the parties, fees and terms are placeholders.\n`,
      `agreement Imported "Service level agreement" {\n  effective ${this.start ?? this.fallbackStart ?? p.effective}\n  term 1 year\n  timezone ${quote(this.zone ?? "UTC")}\n  currency ${p.currency}\n}\n`,
      `party ${p.provider} "Provider (to be named)" { role provider }\n`,
      `party ${p.customer} "Customer (to be named)" { role customer }\n`,
      ...[...this.services].map(
        ([name, title]) =>
          `service ${name}${title ? ` ${quote(title)}` : ""} {\n  provider ${p.provider}\n  customer ${p.customer}\n  hours 24x7\n}\n`,
      ),
      ...this.metrics,
      ...this.objectives,
    ];
    return parts.join("\n");
  }
}

/** `few-errors` → `FewErrors`: a name in the language. */
function pascal(name: string): string {
  const out = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
  return /^[A-Za-z]/.test(out) ? out : `X${out}`;
}

/** A string literal of the language: backslashes and quotes escaped. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function obj(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

/**
 * `sla evaluate --prometheus URL`: the records of the objectives whose metric has an indicator come
 * from Prometheus; with `--events` too, the events file gives the others' (support tickets, metrics
 * without an indicator), and the planned or excused outages (maintenance, customer, force majeure)
 * of the services whose downtime Prometheus gives: the slices leave their time to them, so the
 * contract's exclusions decide it. One source per service's unplanned downtime and per metric: an
 * unplanned outage or a measurement for what Prometheus gives is an error, not a second opinion.
 */
import {
  type EvaluateOptions,
  EventDataError,
  type EventItem,
  prometheusCoverage,
  prometheusRecords,
  type RuleBundle,
} from "@sla/engine";

type Fail = (message: string, exitCode: 1 | 2) => Error;

/** A usage error for a `--prometheus` value that is not an http(s) URL. */
export function checkPrometheusUrl(url: string, fail: Fail): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:"))
    throw fail(`evaluate: --prometheus "${url}" is not an http:// or https:// URL`, 2);
}

/**
 * The events (if any) followed by Prometheus's records, and the options that let the evaluation
 * know where Prometheus's data begins. Throws (exit 2) before anything is read when an objective
 * would have no data: an indicator Prometheus cannot be read through, or, without `--events`, an
 * objective without an indicator.
 */
export function prometheusEvents(
  bundle: RuleBundle,
  url: string,
  events: AsyncIterable<EventItem> | undefined,
  options: EvaluateOptions,
  fail: Fail,
): { records: AsyncIterable<EventItem>; options: EvaluateOptions } {
  let coverage: ReturnType<typeof prometheusCoverage>;
  try {
    coverage = prometheusCoverage(bundle);
  } catch (e) {
    throw fail(`evaluate: --prometheus: ${(e as Error).message}`, 2);
  }
  if (!events && coverage.uncovered.length > 0)
    throw fail(
      `evaluate: --prometheus reads the objectives whose metric has an indicator; give the data of ${coverage.uncovered.join(", ")} with --events too`,
      2,
    );
  const observedFrom = { earliest: null as number | null };
  return {
    records: merged(bundle, url, events, options, coverage, observedFrom),
    options: { ...options, observedFrom },
  };
}

async function* merged(
  bundle: RuleBundle,
  url: string,
  events: AsyncIterable<EventItem> | undefined,
  options: EvaluateOptions,
  coverage: ReturnType<typeof prometheusCoverage>,
  observed: { earliest: number | null },
): AsyncGenerator<EventItem> {
  let lastLine = 0;
  const knownOutages = new Map<string, { start: number; end: number }[]>();
  for await (const item of events ?? []) {
    lastLine = Math.max(lastLine, item.line);
    if (item.type === "outage" && coverage.outageServices.has(item.service)) {
      if (item.cause === "unplanned")
        throw new EventDataError(
          item.line,
          "service",
          `the unplanned downtime of ${item.service} is read from Prometheus (metric ${coverage.outageServices.get(item.service)!.name}'s slices); give it in one source`,
        );
      const known = knownOutages.get(item.service) ?? [];
      known.push({ start: item.start, end: item.end });
      knownOutages.set(item.service, known);
    }
    if (item.type === "measurement" && coverage.metrics.has(item.metric))
      throw new EventDataError(
        item.line,
        "metric",
        `${item.metric} is read from Prometheus (its indicator); give it in one source`,
      );
    yield item;
  }
  yield* prometheusRecords(bundle, options, { url, firstLine: lastLine + 1, observed, knownOutages });
}

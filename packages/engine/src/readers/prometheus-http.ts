/**
 * Prometheus's HTTP `query_range` API, read with `fetch`: one series per query, in chunks of at
 * most 10,000 steps (Prometheus refuses more than 11,000 points a series), every failure a
 * `PrometheusError` that says which query and why.
 */

/** Prometheus could not be asked, or its answer cannot be used. */
export class PrometheusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PrometheusError";
  }
}

/** A sample: epoch milliseconds and the value as Prometheus wrote it (decimal text, `NaN`, `+Inf`). */
export interface Sample {
  readonly at: number;
  readonly value: string;
}

export interface RangeQuery {
  readonly query: string;
  /** The first and last evaluation instants (epoch ms) and the step between them. */
  readonly start: number;
  readonly end: number;
  readonly stepMs: number;
}

const MAX_STEPS_PER_REQUEST = 10_000;

/** The samples of a query's one series at every step from `start` to `end`; an instant without a sample is left out. */
export async function queryRange(baseUrl: string, q: RangeQuery, fetchFn: typeof fetch = fetch): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let from = q.start; from <= q.end; from += MAX_STEPS_PER_REQUEST * q.stepMs) {
    const to = Math.min(q.end, from + (MAX_STEPS_PER_REQUEST - 1) * q.stepMs);
    out.push(...(await request(baseUrl, q.query, from, to, q.stepMs, fetchFn)));
  }
  return out;
}

async function request(
  baseUrl: string,
  query: string,
  start: number,
  end: number,
  stepMs: number,
  fetchFn: typeof fetch,
): Promise<Sample[]> {
  const url = new URL("api/v1/query_range", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  // fetch refuses a URL with credentials: they go in a Basic Authorization header, and never into a message
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (url.username || url.password) {
    const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(user)))}`;
    url.username = "";
    url.password = "";
  }
  const shown = new URL(baseUrl);
  shown.username = "";
  shown.password = "";
  const body = new URLSearchParams({
    query,
    start: seconds(start),
    end: seconds(end),
    step: seconds(stepMs),
  });
  const where = `Prometheus at ${shown.href.replace(/\/$/, "")}, query ${query}`;
  let response: Response;
  try {
    response = await fetchFn(url, { method: "POST", headers, body });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new PrometheusError(`cannot reach ${where}: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
  }
  const text = await response.text();
  let json: { status?: string; error?: string; errorType?: string; data?: { resultType?: string; result?: unknown } };
  try {
    json = JSON.parse(text);
  } catch {
    throw new PrometheusError(
      `${where}: HTTP ${response.status} ${response.statusText}, not a Prometheus API answer: ${text.slice(0, 200)}`,
    );
  }
  if (json.status !== "success")
    throw new PrometheusError(
      `${where}: ${json.errorType ?? `HTTP ${response.status}`}: ${json.error ?? "the answer is not a success"}`,
    );
  const result = json.data?.result;
  if (json.data?.resultType !== "matrix" || !Array.isArray(result))
    throw new PrometheusError(`${where}: the answer is not a range vector (matrix)`);
  if (result.length > 1)
    throw new PrometheusError(
      `${where}: gives ${result.length} series; an indicator query must give one (aggregate it, e.g. sum(…))`,
    );
  const values = (result[0] as { values?: unknown } | undefined)?.values ?? [];
  if (!Array.isArray(values)) throw new PrometheusError(`${where}: a series without values`);
  return values.map((v) => {
    const [t, value] = v as [number, string];
    return { at: Math.round(t * 1000), value };
  });
}

/** Epoch milliseconds as the API's seconds, exact to the millisecond. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(3).replace(/\.?0+$/, "");
}

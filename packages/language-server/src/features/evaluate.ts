/**
 * `sla/evaluate` `{ uri, eventsFile, period }` → `{ markdown }`: the service report of the
 * document's contract (open buffers' text, saved or not) for the month `period` (YYYY-MM), from the
 * observed data in `eventsFile` (an absolute path; NDJSON, or CSV when it ends in .csv), as
 * `sla evaluate … --format md` prints it. `{ error }` when the contract has errors, the file cannot
 * be read or holds bad data, or the period is not a month.
 */
import { isAbsolute } from "node:path";
import { compileBundle } from "@sla/compiler";
import {
  BundleProblemError,
  ChargeDataError,
  EvaluationOptionsError,
  EventDataError,
  evaluate,
  renderReportMarkdown,
} from "@sla/engine";
import { readEventsFile } from "@sla/engine/node";
import type { ServerContext } from "../context.ts";
import { checked } from "./contract-requests.ts";

import type { EvaluateParams, EvaluateResult } from "../protocol.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function evaluateContract(context: ServerContext, params: EvaluateParams): Promise<EvaluateResult> {
  if (typeof params?.eventsFile !== "string" || !isAbsolute(params.eventsFile)) {
    return { error: "sla/evaluate needs the absolute path of an events file." };
  }
  if (typeof params.period !== "string" || !MONTH.test(params.period)) {
    return { error: `The period "${String(params.period)}" is not a month (YYYY-MM).` };
  }
  const program = checked(context, params);
  if ("error" in program) return program;
  try {
    const events = readEventsFile(params.eventsFile);
    const [report] = await evaluate(compileBundle(program), events, { from: params.period });
    return { markdown: renderReportMarkdown(report) };
  } catch (error) {
    if (error instanceof EventDataError || error instanceof ChargeDataError)
      return { error: `${params.eventsFile}: ${error.message}` };
    if (error instanceof EvaluationOptionsError || error instanceof BundleProblemError) {
      return { error: error.message };
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string") return { error: `Cannot read the events file ${params.eventsFile}: ${code}.` };
    throw error;
  }
}

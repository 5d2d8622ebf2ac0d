/** The example contracts compiled to bundles, and observed data that touches every part of them. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { compileBundle, type RuleBundle } from "../../packages/compiler/src/index.ts";
import { checkProgram, hasErrors, memoryHost } from "../../packages/language/src/index.ts";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

function slaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? slaFiles(path) : path.endsWith(".sla") ? [path] : [];
  });
}

const files = Object.fromEntries(
  slaFiles(EXAMPLES).map((path) => [`file:///examples/${relative(EXAMPLES, path)}`, readFileSync(path, "utf8")]),
);

/** A contract text checked against the examples' shared files: its errors, or its bundle. */
export function compileText(text: string, name = "contract.sla"): { errors: string[]; bundle: RuleBundle | null } {
  const uri = `file:///examples/${name}`;
  const program = checkProgram(uri, memoryHost({ ...files, [uri]: text }));
  const errors = program.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
  return { errors, bundle: hasErrors(program.diagnostics) ? null : compileBundle(program) };
}

/** Every top-level example (not the shared declarations under common/) as a bundle. */
export function exampleBundles(): { name: string; bundle: RuleBundle }[] {
  return Object.keys(files)
    .filter((uri) => !uri.includes("/common/"))
    .map((uri) => {
      const name = uri.slice("file:///examples/".length);
      const { errors, bundle } = compileText(files[uri], name);
      if (bundle === null) throw new Error(`${name} has errors: ${errors.join("; ")}`);
      return { name, bundle };
    });
}

export function exampleText(name: string): string {
  return files[`file:///examples/${name}`];
}

/**
 * NDJSON lines for May 2026: an outage per service, a ticket per severity, measurements per metric;
 * the records of what is evaluated for each unit (and the charges of a fee per unit) name one.
 */
export function eventsFor(bundle: RuleBundle): string[] {
  const lines: string[] = [];
  const perUnit = new Set(bundle.objectives.flatMap((o) => (o.forEach ? [o.service, o.metric] : [])));
  const unit = (name: string | null) => (perUnit.has(name) ? { unit: "u-1" } : {});
  for (const s of bundle.services) {
    lines.push(
      JSON.stringify({
        type: "outage",
        service: s.name,
        ...unit(s.name),
        start: "2026-05-05T10:00:00Z",
        end: "2026-05-05T11:10:00Z",
        cause: "unplanned",
      }),
    );
    for (let severity = 1; severity <= 4; severity++)
      lines.push(
        JSON.stringify({
          type: "ticket",
          service: s.name,
          ...unit(s.name),
          severity,
          opened: "2026-05-06T09:30:00Z",
          responded: "2026-05-06T13:00:00Z",
          resolved: "2026-05-12T16:00:00Z",
        }),
      );
  }
  // a fee as charged is the charges the data gives for each period a credit may be due in
  const periods = { month: ["2026-04", "2026-05", "2026-06"], quarter: ["2026-Q2"], year: ["2026"] };
  for (const s of bundle.services)
    for (const period of s.feeCharged ? periods[s.feeCharged.period] : [])
      lines.push(
        JSON.stringify({
          type: "charge",
          service: s.name,
          ...(s.feeUnit ? { unit: "u-1" } : {}),
          period,
          amount: "1000.00",
          currency: bundle.agreement?.currency ?? "USD",
        }),
      );
  for (const m of bundle.metrics)
    for (let day = 1; day <= 28; day += 3)
      lines.push(
        JSON.stringify({
          type: "measurement",
          metric: m.name,
          ...unit(m.name),
          at: `2026-05-${String(day).padStart(2, "0")}T12:00:00Z`,
          value: 250 + day,
        }),
      );
  return lines;
}

/**
 * Bundles that are not what the compiler writes (issue 19, fault 10): every one ends in reports or
 * in a clean error — a `BundleProblemError` (a `BundleValidationError` naming the JSON path of the
 * bad field) — never a TypeError, a RangeError or a run that does not end. The property mutates
 * the compiled examples, one to three changes each (most keep each value's JSON type, so they
 * reach past the schema to the engine); `npm run fuzz` runs it many more times (FUZZ_RUNS).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BundleProblemError,
  BundleValidationError,
  type EvaluationReport,
  evaluate,
  ndjsonEvents,
  validateBundle,
} from "../../packages/engine/src/index.ts";
import type { RuleBundle } from "../../packages/engine/src/bundle.ts";
import { eventsFor, exampleBundles } from "./example-bundles.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const examples = exampleBundles();

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value`, with the value. */
function paths(value: Json, at: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  const out = [{ path: at, value }];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...paths(v, [...at, i]));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function setAt(root: Json, path: (string | number)[], replace: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return replace(root) ?? null;
  const copy = structuredClone(root) as { [key: string]: Json } & Json[];
  let parent: { [key: string]: Json } = copy;
  for (const key of path.slice(0, -1)) parent = parent[key as string] as { [key: string]: Json };
  const last = path[path.length - 1] as string;
  const next = replace(parent[last]);
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = next;
  return copy;
}

/** Values a damaged or hand-written bundle might hold where another was expected. */
const strange: Json[] = [
  null,
  0,
  -1,
  0.5,
  1e9,
  Number.POSITIVE_INFINITY, // what JSON.parse makes of 1e400
  -0,
  "",
  "x",
  "9".repeat(40),
  "1e400",
  "25:61",
  "2026-02-30",
  "Mars/Olympus",
  [],
  {},
  true,
  { __proto__: null, constructor: "x" } as unknown as Json,
];

const kindOf = (v: Json) => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);

interface Step {
  target: number;
  kind: "replace" | "delete" | "duplicate" | "graft" | "swap" | "scale";
  value: Json;
  donor: number;
}

/** One change at a spot picked by `step`; `swap` keeps the JSON type, so it reaches past the schema. */
function mutate(bundle: Json, step: Step): Json {
  const all = paths(bundle);
  const { path, value: old } = all[step.target % all.length];
  const donor = all[step.donor % all.length].value;
  switch (step.kind) {
    case "replace":
      return setAt(bundle, path, () => step.value);
    case "delete":
      return setAt(bundle, path, () => undefined);
    case "duplicate":
      return setAt(bundle, path, (v) => (Array.isArray(v) ? [...v, ...v] : v));
    case "graft":
      return setAt(bundle, path, () => structuredClone(donor));
    case "swap": {
      const same = all.filter((p) => kindOf(p.value) === kindOf(old) && p.path.length > 0);
      if (same.length === 0) return bundle;
      return setAt(bundle, path, () => structuredClone(same[step.donor % same.length].value));
    }
    default:
      return setAt(bundle, path, () =>
        typeof old === "number"
          ? old * 1e9
          : typeof old === "string" && /^\d/.test(old)
            ? `${old}000000000`
            : step.value,
      );
  }
}

const mutation = (bundle: Json) =>
  fc
    .array(
      fc.record({
        target: fc.nat(),
        kind: fc.constantFrom("replace", "delete", "duplicate", "graft", "swap", "swap", "swap", "scale"),
        value: fc.constantFrom(...strange),
        donor: fc.nat(),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((steps) => steps.reduce(mutate, bundle));

async function outcome(bundle: unknown, lines: string[]): Promise<EvaluationReport[] | Error> {
  try {
    return await evaluate(bundle as RuleBundle, ndjsonEvents(lines), { from: "2026-05", to: "2026-06" });
  } catch (e) {
    return e as Error;
  }
}

function expectClean(result: EvaluationReport[] | Error, bundle: unknown): void {
  if (!(result instanceof Error)) return;
  if (result instanceof BundleProblemError) return;
  throw new Error(
    `${result.name}: ${result.message}\n${result.stack}\nbundle: ${JSON.stringify(bundle).slice(0, 2000)}`,
  );
}

describe("mutated bundles", () => {
  it.each(examples.map((e) => [e.name, e] as const))("%s evaluates as compiled", async (_name, { bundle }) => {
    const result = await outcome(bundle, eventsFor(bundle));
    expect(result).toBeInstanceOf(Array);
  });

  it.each(examples.map((e) => [e.name, e] as const))(
    "%s, mutated, ends in reports or a clean error",
    async (_name, { bundle }) => {
      const lines = eventsFor(bundle);
      await fc.assert(
        fc.asyncProperty(mutation(bundle as unknown as Json), async (mutated) => {
          expectClean(await outcome(mutated, lines), mutated);
        }),
        { numRuns: RUNS },
      );
    },
    600_000,
  );
});

describe("bundle validation names the bad field", () => {
  const { bundle } = examples.find((e) => e.name === "it-outsourcing.sla")!;
  const incentive = bundle.incentives.findIndex((i) => i.bonuses.length > 0);

  it("a billion consecutive windows is an error, not a run that does not end", async () => {
    const mutated = structuredClone(bundle);
    mutated.incentives[incentive].bonuses[0].consecutiveWindows = 1e9;
    const error = await outcome(mutated, eventsFor(bundle));
    expect(error).toBeInstanceOf(BundleValidationError);
    expect((error as BundleValidationError).path).toBe(`$.incentives[${incentive}].bonuses[0].consecutiveWindows`);
  });

  it("a field of the wrong type, a missing field and an unknown field", async () => {
    const wrongType = structuredClone(bundle) as unknown as { objectives: { window: unknown }[] };
    wrongType.objectives[1].window = "monthly";
    await expect(validateBundle(wrongType)).rejects.toThrow(
      "invalid rule bundle: $.objectives[1].window must be object",
    );
    const missing = structuredClone(bundle) as unknown as { objectives: Record<string, unknown>[] };
    delete missing.objectives[0].support;
    await expect(validateBundle(missing)).rejects.toThrow("$.objectives[0].support is missing");
    const unknown = structuredClone(bundle) as unknown as { agreement: Record<string, unknown> };
    unknown.agreement["term length"] = 3;
    await expect(validateBundle(unknown)).rejects.toThrow('$.agreement["term length"] is not a bundle field');
  });

  it("an availability target's percentage above 100 is an error naming it, not a RangeError from the budget", async () => {
    const mutated = structuredClone(bundle);
    const at = mutated.objectives.findIndex(
      (o) => o.metricType === "availability" && o.target?.value.kind === "percentage",
    );
    const target = mutated.objectives[at].target;
    if (target?.value.kind !== "percentage") throw new Error("the example has an availability target");
    target.value.value = "1562400";
    const error = await outcome(mutated, eventsFor(bundle));
    expect(error).toBeInstanceOf(BundleValidationError);
    expect((error as BundleValidationError).path).toBe(`$.objectives[${at}].target.value.value`);
  });

  it("a number JSON cannot hold exactly (1e400 parses as Infinity) is an error", async () => {
    const text = JSON.stringify(bundle).replace(/"consecutiveWindows":\d+/, '"consecutiveWindows":1e400');
    await expect(validateBundle(JSON.parse(text))).rejects.toThrow(
      `$.incentives[${incentive}].bonuses[0].consecutiveWindows is not a finite number`,
    );
  });

  it("durations and windows beyond the limits, and names that refer to nothing", async () => {
    const cases: [string, (b: RuleBundle) => void, string][] = [
      [
        "claim within 100000000 days",
        (b) => {
          b.remedies[0].claimWithin = {
            text: "100000000 days",
            amount: "100000000",
            unit: "day",
            seconds: "8640000000000",
          };
        },
        "$.remedies[0].claimWithin.amount",
      ],
      [
        "a termination within a billion months",
        (b) => {
          const r = b.remedies.find((x) => x.termination)!;
          r.termination!.within = { text: "1000000000 months", amount: "1000000000", unit: "month" };
        },
        `$.remedies[${bundle.remedies.findIndex((x) => x.termination)}].termination.within.amount`,
      ],
      [
        "seconds that disagree with the amount",
        (b) => {
          b.remedies[0].claimWithin = { text: "30 days", amount: "30", unit: "day", seconds: "1" };
        },
        "$.remedies[0].claimWithin.seconds",
      ],
      [
        "a rolling window of a million days",
        (b) => {
          b.objectives[0].window = { period: "rolling", days: 1_000_000, text: "per rolling 1000000 days" };
        },
        "$.objectives[0].window.days",
      ],
      [
        "an outage limit of a month",
        (b) => {
          const o = b.objectives.find((x) => x.maxOutagePerIncident)!;
          o.maxOutagePerIncident!.duration = { text: "1 month", amount: "1", unit: "month" };
        },
        `$.objectives[${bundle.objectives.findIndex((x) => x.maxOutagePerIncident)}].maxOutagePerIncident.duration.unit`,
      ],
      [
        "an objective of a service that does not exist",
        (b) => {
          b.objectives[0].service = "Nowhere";
        },
        "$.objectives[0].service",
      ],
    ];
    for (const [what, mutate, path] of cases) {
      const mutated = structuredClone(bundle);
      mutate(mutated);
      let error: unknown;
      try {
        await validateBundle(mutated);
      } catch (e) {
        error = e;
      }
      expect(error, what).toBeInstanceOf(BundleValidationError);
      expect((error as BundleValidationError).path, what).toBe(path);
    }
  });
});

describe("sla evaluate on a bad bundle", () => {
  const cli = fileURLToPath(new URL("../../packages/cli/bin/sla.cjs", import.meta.url));
  const { bundle } = examples.find((e) => e.name === "it-outsourcing.sla")!;

  it("exits 1 naming the JSON path of the bad field (a hang and a TypeError before)", () => {
    const dir = mkdtempSync(join(tmpdir(), "sla-bundle-"));
    writeFileSync(join(dir, "events.ndjson"), `${eventsFor(bundle).join("\n")}\n`);
    const hang = structuredClone(bundle);
    hang.incentives[0].bonuses[0].consecutiveWindows = 1e9;
    const typeError = structuredClone(bundle) as unknown as { objectives: { window: unknown }[] };
    typeError.objectives[0].window = null;
    for (const [name, mutated, path] of [
      ["hang.rules.json", hang, "$.incentives[0].bonuses[0].consecutiveWindows"],
      ["type-error.rules.json", typeError, "$.objectives[0].window"],
    ] as const) {
      writeFileSync(join(dir, name), JSON.stringify(mutated));
      const result = spawnSync(
        process.execPath,
        [cli, "evaluate", join(dir, name), "--events", join(dir, "events.ndjson"), "--period", "2026-05"],
        { encoding: "utf8", timeout: 60_000 },
      );
      expect(result.stderr).toContain(`${name}: invalid rule bundle: ${path} `);
      expect(result.stderr).not.toMatch(/TypeError|RangeError|internal error/);
      expect(result.status).toBe(1);
    }
  });
});

describe("mutated per-unit bundles", () => {
  it("a tier that credits a met window asks only the units in the data for their charges, not an unnamed one", async () => {
    const { bundle } = examples.find((e) => e.name === "real/aws-compute.sla")!;
    const mutated = structuredClone(bundle);
    const remedy = mutated.remedies.findIndex((r) => r.name === "InstanceCredits");
    const last = mutated.remedies[remedy].credits.at(-1)!;
    if (last.condition.kind !== "threshold") throw new Error("the example's last tier is a threshold");
    last.condition.comparator = "at least";
    const result = await outcome(mutated, eventsFor(bundle));
    expect(result).toBeInstanceOf(Array);
    // May and June, each crediting the one instance the data names
    const credits = (result as EvaluationReport[]).flatMap((r) => r.credits);
    expect(credits.filter((c) => c.remedy === "InstanceCredits").map((c) => c.unitName)).toEqual(["u-1", "u-1"]);
  });
});

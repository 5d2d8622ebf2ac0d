/**
 * Properties of the whole pipeline on generated and mutated contracts: checker and compiler never
 * throw and keep every range inside the document; a clean contract's bundle validates against the
 * schema; evaluating generated events never yields a credit below zero or above the cap.
 */
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundleSchema, compileBundle, renderContract } from "../packages/compiler/src/index.ts";
import { evaluate, ndjsonEvents } from "../packages/engine/src/index.ts";
import { checkProgram, computeLineStarts, hasErrors, memoryHost, slaLexer } from "../packages/language/src/index.ts";
import { assertInside } from "../packages/language/test/helpers.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const URI = "file:///contracts/generated.sla";
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(bundleSchema as object);

interface Terms {
  target: string;
  tiers: { below: string; credit: number }[];
  cap: number;
  total: number;
}

function contract(t: Terms): string {
  const credits = t.tiers.map((tier) => `  credit ${tier.credit}% of monthly fee when below ${tier.below}%`).join("\n");
  return `agreement G "Generated" {
  effective 2026-01-01
  timezone "Europe/London"
  currency EUR
}

party P "Provider" { role provider }

party C "Customer" { role customer }

service S "Service" {
  provider P
  customer C
  fee EUR 9,999.99 per month
  hours 24x7
}

metric A "Availability" {
  service S
  type availability
}

objective U "Uptime" {
  metric A
  target at least ${t.target}% per calendar month
}

objective L "Limits" {
  service S
  max total outage ${t.total} minutes per calendar month
}

remedy R "Credits" {
  for U
${credits}
  cap ${t.cap}% of monthly fee per calendar month
}

remedy E "Outage credits" {
  for L
  credit 3% of monthly fee for each breach
  cap ${t.cap}% of monthly fee per calendar month
}
`;
}

const terms: fc.Arbitrary<Terms> = fc
  .record({
    target: fc.constantFrom("99", "99.5", "99.9", "99.95", "99.99", "95"),
    thresholds: fc.uniqueArray(fc.constantFrom("99.99", "99.95", "99.9", "99.5", "99", "98", "95", "90"), {
      minLength: 1,
      maxLength: 4,
    }),
    credits: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 5, maxLength: 5 }),
    cap: fc.integer({ min: 1, max: 100 }),
    total: fc.integer({ min: 1, max: 600 }),
  })
  .map(({ target, thresholds, credits, cap, total }) => {
    // mostly well-formed tiers (at or below the target, credits rising as service worsens), so
    // that most generated contracts are clean and reach the engine
    const below = [...new Set([target, ...thresholds.filter((x) => Number(x) < Number(target))])].sort(
      (a, b) => Number(b) - Number(a),
    );
    const rising = [...credits].sort((a, b) => a - b);
    return { target, tiers: below.map((threshold, i) => ({ below: threshold, credit: rising[i] })), cap, total };
  });

const outage = fc.record({
  day: fc.integer({ min: 1, max: 31 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minutes: fc.integer({ min: 1, max: 600 }),
});

function events(outages: { day: number; hour: number; minutes: number }[]): string[] {
  return outages.map(({ day, hour, minutes }) => {
    const start = Date.UTC(2026, 2, day, hour);
    return JSON.stringify({
      type: "outage",
      service: "S",
      start: new Date(start).toISOString(),
      end: new Date(start + minutes * 60_000).toISOString(),
      cause: "unplanned",
    });
  });
}

describe("the pipeline on generated contracts", () => {
  it(`clean contracts compile to bundles that validate, and credits stay within 0 and the cap (${RUNS} runs)`, {
    timeout: 600_000,
  }, async () => {
    let evaluated = 0;
    await fc.assert(
      fc.asyncProperty(terms, fc.array(outage, { maxLength: 8 }), async (t, outages) => {
        const program = checkProgram(URI, memoryHost({ [URI]: contract(t) }));
        if (hasErrors(program.diagnostics)) return;
        const bundle = compileBundle(program);
        if (!validate(bundle)) throw new Error(ajv.errorsText(validate.errors));
        renderContract(bundle);
        const [report] = await evaluate(bundle, ndjsonEvents(events(outages)), { from: "2026-03" });
        evaluated++;
        for (const credit of report.credits) {
          const percent = Number(credit.percent);
          expect(percent).toBeGreaterThanOrEqual(0);
          expect(percent).toBeLessThanOrEqual(t.cap);
          expect(Number(credit.amount)).toBeGreaterThanOrEqual(0);
          expect(Number(credit.amount)).toBeLessThanOrEqual((9999.99 * t.cap) / 100 + 0.005);
        }
      }),
      { numRuns: RUNS },
    );
    // the generator must mostly produce valid contracts, or this property tests nothing
    expect(evaluated).toBeGreaterThan(RUNS / 4);
  });

  it(`checker and compiler never throw on mutated contracts and keep ranges inside (${RUNS * 3} runs)`, {
    timeout: 600_000,
  }, () => {
    const base = contract({
      target: "99.9",
      tiers: [
        { below: "99.9", credit: 10 },
        { below: "99", credit: 25 },
      ],
      cap: 50,
      total: 40,
    });
    const tokens = slaLexer.tokenize(base).tokens;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(tokens.length - 1), fc.nat(tokens.length - 1)), { minLength: 1, maxLength: 3 }),
        (edits) => {
          let text = base;
          for (const [from, to] of [...edits].sort((a, b) => b[0] - a[0])) {
            const a = tokens[from];
            const b = tokens[to];
            text = text.slice(0, a.startOffset) + b.image + text.slice(a.endOffset! + 1);
          }
          const program = checkProgram(URI, memoryHost({ [URI]: text }));
          const lineStarts = computeLineStarts(text);
          for (const d of program.diagnostics) {
            assertInside(d.range, text, lineStarts);
            for (const r of d.related ?? []) assertInside(r.range, text, lineStarts);
            for (const f of d.fixes ?? []) for (const e of f.edits) assertInside(e.range, text, lineStarts);
          }
          renderContract(compileBundle(program));
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });
});

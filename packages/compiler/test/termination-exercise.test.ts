/**
 * `exercise within DURATION` on a right to terminate, the property added to show "Adding a
 * property" (ARCHITECTURE.md): its definition row, its bundle field (which is its compiler
 * mapping), its sentence in the contract.
 */
import { describe, expect, it } from "vitest";
import { compileBundle, diffBundles, renderContract, serializeBundle } from "../src/index.ts";
import { checkSource, errorsOf, validateBundle } from "./helpers.ts";

const contract = (remedyBody: string) => `
agreement Demo "Demo SLA" {
  effective 2026-01-01
  timezone "UTC"
  currency GBP
}
party P "Provider Ltd" { role provider }
party C "Customer plc" { role customer }
service Hosting "Hosting" { provider P  customer C  fee GBP 1,000.00 per month }
metric Availability "Availability" { service Hosting  type availability }
objective Uptime "Uptime" { metric Availability  target at least 99.9% per calendar month }
remedy Chronic "Termination for chronic failure" {
  for Uptime
${remedyBody}
}
`;

function build(remedyBody: string) {
  const program = checkSource({ "file:///work/main.sla": contract(remedyBody) });
  return { program, bundle: compileBundle(program) };
}

const TERMINATE = "  terminate when breached 3 times within 6 months\n  notice 30 days";

describe("a termination right's exercise period", () => {
  it("is carried in the bundle and stated in the contract", () => {
    const { program, bundle } = build(`${TERMINATE}\n  exercise within 60 days`);
    expect(errorsOf(program)).toEqual([]);
    expect(bundle.remedies[0].exerciseWithin).toEqual({
      text: "60 days",
      amount: "60",
      unit: "day",
      seconds: "5184000",
    });
    expect(validateBundle(bundle)).toBe(true);
    expect(renderContract(bundle)).toContain(
      "the Customer may terminate this Agreement by giving at least 30 days' notice to the Provider. This right lapses unless it is exercised within 60 days after the end of the last of those calendar months.",
    );
  });

  it("is written after the notice in the bundle, in business days as the contract's defined term", () => {
    const { bundle } = build(`${TERMINATE}\n  exercise within 10 business days`);
    expect(Object.keys(bundle.remedies[0]).slice(-3)).toEqual(["notice", "exerciseWithin", "source"]);
    expect(bundle.remedies[0].exerciseWithin?.seconds).toBeUndefined();
    expect(renderContract(bundle)).toContain("exercised within 10 Business Days after the end of the last of those");
  });

  it("leaves the bundle and the contract as they were when not given", () => {
    const { bundle } = build(TERMINATE);
    expect(Object.keys(JSON.parse(serializeBundle(bundle)).remedies[0])).not.toContain("exerciseWithin");
    expect(validateBundle(bundle)).toBe(true);
    expect(renderContract(bundle)).not.toContain("lapses");
  });

  it("needs a right to terminate in the same remedy (SLA3010), as the notice does, and is given at most once (SLA3005)", () => {
    const alone = build("  notice 30 days\n  exercise within 60 days").program;
    // the notice too: without a right to terminate, nothing carried it into the contract
    expect(alone.diagnostics.map((d) => [d.code, d.message])).toContainEqual([
      "SLA3010",
      "'notice' is about 'terminate when breached', which this remedy does not have: add it, or remove 'notice'.",
    ]);
    expect(alone.diagnostics.map((d) => [d.code, d.message])).toContainEqual([
      "SLA3010",
      "'exercise within' is about 'terminate when breached', which this remedy does not have: add it, or remove 'exercise within'.",
    ]);
    const twice = build(`${TERMINATE}\n  exercise within 60 days\n  exercise within 30 days`).program;
    expect(twice.diagnostics.map((d) => d.code)).toContain("SLA3005");
  });

  it("is listed by `sla diff` when it changes, in the contract's words", () => {
    const before = build(`${TERMINATE}\n  exercise within 60 days`).bundle;
    const after = build(`${TERMINATE}\n  exercise within 30 days`).bundle;
    const changes = diffBundles(before, after);
    expect(changes.map((c) => c.path)).toEqual(["remedies.Chronic.exerciseWithin"]);
    expect(changes[0].sentence).toMatch(
      /^The exercise within of \W*Termination for chronic failure\W* changes from 60 days to 30 days$/,
    );
  });

  it("is a duration: a bare number is a syntax error", () => {
    const { program } = build(`${TERMINATE}\n  exercise within 60`);
    expect(program.diagnostics.map((d) => d.code)).toContain("SLA1005");
  });
});

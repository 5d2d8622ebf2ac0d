/**
 * Objectives held `for each instance` and fees per unit: the bundle's fields and what the contract
 * says of them.
 */
import { describe, expect, it } from "vitest";
import { compileBundle, renderContract } from "../src/index.ts";
import { checkSource, errorsOf, validateBundle } from "./helpers.ts";

const CONTRACT = `
agreement Demo "Demo SLA" {
  effective 2026-01-01
  timezone "UTC"
  currency USD
}
party P "Provider Inc." { role provider }
party C "Customer LLC" { role customer }
service Compute "Compute" {
  provider P
  customer C
  fee USD 30.00 for each instance per month
  hours 24x7
}
metric Up { service Compute  type availability }
objective InstanceUptime "Instance availability" {
  metric Up
  for each instance
  target at least 99.5% per calendar month
}
objective Desk "Instance support" {
  service Compute
  for each instance
  severity 1 "Down"
  response within 1 hour during 24x7
  at least 90% of tickets per calendar month
}
remedy Credits "Instance credits" {
  for InstanceUptime
  credit 10% of monthly fee when below 99.5%
}
`;

function build(text = CONTRACT) {
  const program = checkSource({ "file:///work/main.sla": text });
  return { program, bundle: compileBundle(program) };
}

describe("per-unit objectives and fees", () => {
  it("are carried in the bundle, which the schema accepts", () => {
    const { program, bundle } = build();
    expect(errorsOf(program)).toEqual([]);
    expect(bundle.services[0].feeUnit).toBe("instance");
    expect(bundle.services[0].fee).toEqual({ amount: "30.00", currency: "USD", period: "month" });
    expect(bundle.objectives.map((o) => o.forEach)).toEqual(["instance", "instance"]);
    expect(validateBundle(bundle)).toBe(true);
  });

  it("are written in the contract: the fee per unit, the levels and credits for each unit, and what that means", () => {
    const md = renderContract(build().bundle);
    expect(md).toContain(
      "The Customer shall pay the Provider a fee of USD 30.00 per instance per month for the Service.",
    );
    expect(md).toContain(
      '"**Monthly Fee**" means the fee of USD 30.00 payable per month for each instance of the Service',
    );
    expect(md).toContain("| at least 99.5%, for each instance |");
    expect(md).toContain("at least 90% of tickets per calendar month, for each instance |");
    expect(md).toContain(
      'A service level stated "for each instance" applies to each such unit of the service separately: only the Downtime and measurements recorded for that unit count towards it',
    );
    expect(md).toContain("only the tickets recorded for that unit count towards it");
    expect(md).toMatch(
      /for the service level "Instance availability" in a calendar month, for each instance, is as shown below/,
    );
  });

  it("leave a contract without them as it was", () => {
    const plain = CONTRACT.replace("for each instance per month", "per month").replaceAll("  for each instance\n", "");
    const { program, bundle } = build(plain);
    expect(errorsOf(program)).toEqual([]);
    expect("feeUnit" in bundle.services[0]).toBe(false);
    expect(bundle.objectives.some((o) => "forEach" in o)).toBe(false);
    expect(renderContract(bundle)).not.toContain("for each instance");
  });
});

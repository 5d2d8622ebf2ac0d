/**
 * The limits rule where fixtures cannot say it: the calendar business time counts on when the
 * agreement names none, and no cascade when the calendar does not resolve.
 */
import { describe, expect, it } from "vitest";
import { checkProgram, memoryHost } from "../../src/index.ts";

const URI = "file:///limits/contract.sla";

function codes(objective: string, agreementExtra = ""): string[] {
  const text = `agreement Demo {
  timezone "UTC"
  currency USD
${agreementExtra}}
party Vendor { role provider }
party Client { role customer }
service App {
  provider Vendor
  customer Client
  fee USD 1,000 per month
  hours 24x7
}
objective Support {
  service App
  severity 1
${objective}
  at least 90% of tickets per calendar month
}
`;
  return checkProgram(URI, memoryHost({ [URI]: text }))
    .diagnostics.filter((d) => d.code !== "SLA2006")
    .map((d) => `${d.code} ${d.message}`);
}

describe("business time limits", () => {
  it("without a business calendar, counts Monday to Friday all day: 2,605 business days pass, 2,606 do not", () => {
    expect(codes("  response within 2605 business days").filter((c) => c.startsWith("SLA4016"))).toEqual([]);
    expect(codes("  response within 2606 business days").filter((c) => c.startsWith("SLA4016"))).toEqual([
      "SLA4016 2606 business days of working time on 'Monday to Friday' (120 working hours a week on 5 days) takes longer than 10 years to pass, the longest the engine evaluates.",
    ]);
  });

  it("a calendar that does not resolve is reported once, with no limit diagnostic beside it", () => {
    const during = codes("  response within 1000000 business hours during Missing");
    expect(during.map((c) => c.slice(0, 7))).toEqual(["SLA2002"]);
    const agreement = codes("  response within 1000000 business hours", "  business calendar Missing\n");
    expect(agreement.map((c) => c.slice(0, 7))).toEqual(["SLA2002"]);
  });

  it("durations that do not depend on a calendar are still limited beside an unresolved one", () => {
    const result = codes("  response within 1000 months during Missing");
    expect(result.map((c) => c.slice(0, 7)).sort()).toEqual(["SLA2002", "SLA4014"]);
  });
});

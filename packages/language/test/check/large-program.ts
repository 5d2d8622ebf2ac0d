/**
 * A large, realistic contract for performance: one agreement and, per service, two metrics, four
 * objectives (availability, outages, latency, support) and two remedies — about 40 lines each. With
 * `faults`, every tenth service carries one deliberate fault, of the four families in turn.
 */
export function generateProgram(lines: number, faults = false): { text: string; faultCount: number } {
  const out: string[] = [
    `agreement Large "Large Service Level Agreement" {`,
    `  effective 2026-01-01`,
    `  timezone "Europe/London"`,
    `  currency GBP`,
    `  business calendar Office`,
    `}`,
    ``,
    `party Vendor "Vendor Ltd." { role provider }`,
    `party Client "Client plc" { role customer }`,
    ``,
    `calendar Office "Office hours" {`,
    `  monday to friday 08:00 to 18:00`,
    `  holidays 2026-12-25, 2026-12-28`,
    `}`,
    ``,
  ];
  let faultCount = 0;
  for (let i = 0; out.length < lines; i++) {
    // Every tenth service has one fault, of each kind in turn, so that no fault hides another.
    const fault = faults && i % 10 === 5 ? ((i / 10) % 4) | 0 : -1;
    if (fault >= 0) faultCount++;
    out.push(
      `service S${i} "Service ${i}" {`,
      `  provider Vendor`,
      `  customer Client`,
      `  fee GBP 12,000.00 per month`,
      `  hours 24x7`,
      `  exclude maintenance { notice 5 days at most 4 hours per calendar month }`,
      `}`,
      ``,
      `metric Avail${i} { service S${i} type availability }`,
      `metric Latency${i} { service S${i} type latency percentile 95 }`,
      ``,
      `objective Uptime${i} "Availability of service ${i}" {`,
      `  metric Avail${i}`,
      `  target at least ${fault === 0 ? "100.5" : "99.9"}% per calendar month`,
      `}`,
      ``,
      `objective Outages${i} {`,
      `  service S${i}`,
      `  max outage per incident 30 minutes`,
      `  max total outage ${fault === 1 ? "2 hours" : "40 minutes"} per calendar month`,
      `}`,
      ``,
      `objective Speed${i} { metric Latency${i} target at most 300 milliseconds per calendar month }`,
      ``,
      `objective Support${i} {`,
      `  service S${i}`,
      `  severity 1 "Critical"`,
      `  response within ${fault === 2 ? "5 hours" : "15 minutes"} during 24x7`,
      `  resolution within 4 hours during 24x7`,
      `  at least 95% of tickets per calendar month`,
      `}`,
      ``,
      `remedy Credits${i} {`,
      `  for Uptime${i}`,
      `  credit 10% of monthly fee when below ${fault === 3 ? "99.95" : "99.9"}%`,
      `  credit 25% of monthly fee when below 99%`,
      `  cap 100% of monthly fee per calendar month`,
      `}`,
      ``,
      `remedy Exit${i} { for Uptime${i} terminate when breached 3 times within 6 months }`,
      ``,
    );
  }
  return { text: out.join("\n"), faultCount };
}

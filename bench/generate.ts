/**
 * Generated contracts and event streams of any size, for the benchmark and for tests that need a
 * big program. A contract is an agreement and two parties followed by repeated blocks of one
 * service with its metrics, objectives, remedies and reporting; it checks clean.
 */

const HEADER = `agreement Generated "Generated Master Services Agreement" {
  version "1.0"
  effective 2026-01-01
  term 36 months
  timezone "Europe/London"
  currency GBP
  business calendar Office
}

party Provider "Provider Ltd." { role provider }

party Customer "Customer plc" { role customer }

calendar Office "Office hours" {
  monday to friday 09:00 to 17:30
  holidays 2026-12-25, 2026-12-28
}
`;

function block(i: number): string {
  return `
service Service${i} "Service ${i}" {
  provider Provider
  customer Customer
  fee GBP ${(1000 + i).toLocaleString("en-GB")}.00 per month
  hours 24x7
  exclude maintenance {
    notice 5 days
    at most 4 hours per calendar month
  }
  exclude customer caused
}

metric Availability${i} "Monthly Uptime Percentage ${i}" {
  service Service${i}
  type availability
  measured by "Probes every minute"
}

objective Uptime${i} "Availability of service ${i}" {
  metric Availability${i}
  target at least 99.9% per calendar month
}

objective Outages${i} "Outage limits of service ${i}" {
  service Service${i}
  max outage per incident 30 minutes
  max total outage 40 minutes per calendar month
}

objective Support${i} "Severity 1 support of service ${i}" {
  service Service${i}
  severity 1 "Service unavailable"
  response within 15 minutes during 24x7
  resolution within 4 hours during 24x7
  at least 95% of tickets per calendar month
}

remedy Credits${i} "Service credits ${i}" {
  for Uptime${i}
  credit 10% of monthly fee when below 99.9%
  credit 25% of monthly fee when below 99.0%
  cap 25% of monthly fee per calendar month
  claim within 30 days
}
`;
}

const BLOCK_LINES = block(0).split("\n").length - 1;

/** A clean contract of about `lines` lines, and how many service blocks it has. */
export function generateContract(lines: number): { text: string; blocks: number } {
  const headerLines = HEADER.split("\n").length - 1;
  const blocks = Math.max(1, Math.round((lines - headerLines) / BLOCK_LINES));
  const parts = [HEADER];
  for (let i = 1; i <= blocks; i++) parts.push(block(i));
  return { text: parts.join(""), blocks };
}

/** Declarations in the contract's header: the agreement, two parties and a calendar. */
const HEADER_DECLARATIONS = 4;
/** Declarations in each block: a service, a metric, three objectives and a remedy. */
const BLOCK_DECLARATIONS = 6;

/** A clean contract of about `count` declarations (the blocks of `generateContract`), and how many it has. */
export function generateDeclarations(count: number): { text: string; declarations: number } {
  const blocks = Math.max(1, Math.round((count - HEADER_DECLARATIONS) / BLOCK_DECLARATIONS));
  const parts = [HEADER];
  for (let i = 1; i <= blocks; i++) parts.push(block(i));
  return { text: parts.join(""), declarations: HEADER_DECLARATIONS + blocks * BLOCK_DECLARATIONS };
}

/** A contract with exactly `count` syntax errors, one in each of `count` party declarations. */
export function generateSyntaxErrors(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`party P${i} "Party ${i}" {\n  role provider\n  contact "x" oops\n}\n`);
  return parts.join("");
}

/** The same availability objectives as OpenSLO YAML documents: what a user would write instead. */
export function generateOpenSlo(blocks: number): string {
  const docs: string[] = [];
  for (let i = 1; i <= blocks; i++) {
    docs.push(`apiVersion: openslo/v1
kind: SLO
metadata:
  name: uptime-${i}
  displayName: Availability of service ${i}
spec:
  service: service-${i}
  indicatorRef: availability-${i}
  budgetingMethod: Timeslices
  timeWindow:
    - duration: 1M
      isRolling: false
      calendar:
        startTime: "2026-01-01 00:00:00"
        timeZone: Europe/London
  objectives:
    - displayName: Monthly uptime
      target: 0.999
      timeSliceTarget: 0.95
      timeSliceWindow: 1m`);
  }
  return `${docs.join("\n---\n")}\n`;
}

/**
 * NDJSON observed data for the conformance hosting contract: outages, tickets and latency
 * measurements from March 2026 on, spread over `months` months (so that with more than one, most
 * records fall outside a March report and must cost no memory).
 */
export function* generateEvents(records: number, months = 1): Generator<string> {
  const start = Date.UTC(2026, 2, 1);
  const span = months * 30 * 24 * 3600 * 1000;
  for (let i = 0; i < records; i++) {
    const at = start + Math.floor((i / records) * span);
    const kind = i % 10;
    if (kind < 6) {
      yield `{"type":"measurement","metric":"ApiLatency","at":"${new Date(at).toISOString()}","value":${150 + ((i * 7919) % 200)}}`;
    } else if (kind < 9) {
      const end = at + 60_000 * (1 + (i % 5));
      yield `{"type":"outage","service":"Hosting","start":"${new Date(at).toISOString()}","end":"${new Date(end).toISOString()}","cause":"${i % 3 === 0 ? "customer" : "unplanned"}"}`;
    } else {
      const responded = at + 5 * 60_000;
      const resolved = at + 2 * 3600_000;
      yield `{"type":"ticket","service":"Hosting","severity":${1 + (i % 2)},"opened":"${new Date(at).toISOString()}","responded":"${new Date(responded).toISOString()}","resolved":"${new Date(resolved).toISOString()}"}`;
    }
  }
}

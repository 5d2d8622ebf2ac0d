import { existsSync } from "node:fs";
import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { writeFileAtomic } from "../files.ts";

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("write a commented starter contract that checks clean")
    .argument("[name]", "file name of the new contract (.sla is added)", "contract")
    .addHelpText(
      "after",
      `
Example:
  $ sla init acme-hosting && sla check acme-hosting.sla && sla build acme-hosting.sla`,
    )
    .action((name: string) => {
      const file = name.endsWith(".sla") ? name : `${name}.sla`;
      if (existsSync(file)) throw new CliError(`${file} already exists; choose another name`, 2);
      const agreement = identifierFrom(file);
      writeFileAtomic(file, starterContract(agreement));
      process.stdout.write(`created ${file}\nnext: sla check ${file} && sla build ${file}\n`);
    });
}

/** `acme-hosting.sla` → `AcmeHosting`: a valid name for the agreement. */
function identifierFrom(file: string): string {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.sla$/, "");
  const words = base.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z_]/.test(name) ? name : `Contract${name}`;
}

export function starterContract(name: string): string {
  return `// A starter service level agreement. Edit the names, numbers and prose, then run
//   sla check ${name}.sla     to find mistakes
//   sla build ${name}.sla     to write the rule bundle and the Markdown contract
// The language reference is docs/language.md.

agreement ${name} "Service Level Agreement" {
  version "1.0"
  effective 2027-01-01
  term 12 months
  renewal automatic 12 months, notice 60 days
  timezone "Europe/London"  // windows are calendar periods in this time zone
  currency GBP  // every amount in the contract must be in this currency
  governing law "England and Wales"
}

// Who provides the service and who receives it.
party Provider "Provider Ltd." { role provider }

party Customer "Customer plc" { role customer }

service Platform "Hosted platform" {
  provider Provider
  customer Customer
  fee GBP 5,000.00 per month
  hours 24x7
  exclude maintenance {
    notice 5 days  // announced at least this long before it starts
    at most 4 hours per calendar month
  }
  exclude force majeure
}

metric Availability "Monthly Uptime Percentage" {
  service Platform
  type availability
  measured by "External probes every 60 seconds"
}

// 99.9% of a 30-day month allows 43m 12s of downtime.
objective Uptime "Platform availability" {
  metric Availability
  target at least 99.9% per calendar month
}

remedy UptimeCredits "Service credits" {
  for Uptime
  credit 10% of monthly fee when below 99.9%
  credit 25% of monthly fee when below 99.0%
  cap 25% of monthly fee per calendar month
  claim within 30 days
}
`;
}

/**
 * `sla evaluate FOLDER|GLOB`: a portfolio, every contract evaluated for the same months and one
 * report over them all (per contract, then totals). Each contract is evaluated exactly as
 * `sla evaluate CONTRACT` would be (same checks, same errors, same report), so a portfolio never
 * disagrees with its contracts one by one. `{contract}` in `--events` is replaced by each
 * contract's path below the folder (or the glob's fixed part) without `.sla`: one file, folder or
 * glob of data per contract, as a provider partitions its logs by customer.
 */
import { existsSync, statSync } from "node:fs";
import { relative, sep } from "node:path";
import { escapeCell, formatMoney } from "@sla/bundle";
import type { EvaluationReport } from "@sla/engine";
import type { SqlRunner } from "@sla/engine/node";
import picomatch from "picomatch";
import { CliError } from "../errors.ts";
import { expandInputs } from "../inputs.ts";
import type { EvaluateDeps } from "./evaluate.ts";

export const CONTRACT_PLACEHOLDER = "{contract}";

/** True when the operand names many contracts: a folder or a glob (not an existing file). */
export function isPortfolio(operand: string): boolean {
  if (existsSync(operand)) return statSync(operand).isDirectory();
  return picomatch.scan(operand.split(sep).join("/")).isGlob;
}

export interface PortfolioFlags {
  events?: string;
  period?: string;
  to?: string;
  format?: string;
  engine?: string;
}

interface Money {
  amount: string;
  currency: string | null;
}

export interface PortfolioEntry {
  /** The contract's path below the portfolio's folder, without `.sla`: what `{contract}` stands for. */
  contract: string;
  file: string;
  events: string;
  agreement: string | null;
  objectives: number;
  met: number;
  breached: number;
  /** Windows in progress, outside the term, or without data: no verdict. */
  undecided: number;
  credits: Money[];
  bonuses: Money[];
  terminationRights: number;
  /** Why this contract could not be evaluated (its entry then has no reports). */
  error: string | null;
  reports: EvaluationReport[];
}

export interface PortfolioReport {
  format: "sla-portfolio/1";
  period: string;
  to: string;
  contracts: PortfolioEntry[];
  totals: {
    contracts: number;
    failed: number;
    objectives: number;
    met: number;
    breached: number;
    undecided: number;
    /** Summed per currency, exactly; null currency for services without a fee currency. */
    credits: Money[];
    bonuses: Money[];
    terminationRights: number;
  };
}

/**
 * Evaluates every contract the operand names. Under `--engine duckdb` the contracts share one
 * DuckDB database (`deps.openSql`), cleared between contracts, so its memory limit holds for the
 * whole run. Contracts that fail are reported on standard error and in the report; the run then
 * exits with the worst exit code, after writing the report of the others.
 */
export async function runPortfolio<Flags extends PortfolioFlags>(
  operand: string,
  flags: Flags,
  deps: EvaluateDeps,
  /** `runEvaluate`: what `sla evaluate CONTRACT` does, run once per contract. */
  evaluateOne: (contract: string, flags: Flags, deps: EvaluateDeps) => Promise<void>,
): Promise<void> {
  const fail = deps.makeError ?? ((message: string, exitCode: 1 | 2) => new CliError(message, exitCode));
  const write = deps.write ?? ((text: string) => void process.stdout.write(text));
  const warn = deps.warn ?? ((text: string) => void process.stderr.write(text));
  const format = flags.format ?? "json";
  if (format !== "json" && format !== "md")
    throw fail(`evaluate: a portfolio is reported as json or md, not "${format}"`, 2);
  if (!flags.period) throw fail("evaluate: --period <YYYY-MM> is required", 2);
  if (!flags.events) throw fail("evaluate: --events <file> is required", 2);
  if (flags.events === "-") throw fail("evaluate: a portfolio reads files, not --events -", 2);
  const files = expandInputs([operand], { allowStdin: false });
  const base = existsSync(operand) ? operand : picomatch.scan(operand.split(sep).join("/")).base || ".";

  let shared: SqlRunner | undefined;
  let worst = 0;
  const contracts: PortfolioEntry[] = [];
  try {
    if (flags.engine === "duckdb" && deps.openSql) shared = await deps.openSql();
    for (const file of files) {
      const contract = relative(base, file)
        .split(sep)
        .join("/")
        .replace(/\.sla$/, "");
      const events = flags.events.replaceAll(CONTRACT_PLACEHOLDER, contract);
      let output = "";
      const entry = emptyEntry(contract, file, events);
      try {
        await evaluateOne(
          file,
          { ...flags, events, format: "json", to: flags.to ?? flags.period },
          {
            ...deps,
            write: (text) => {
              output += text;
            },
            warn: (text) => warn(`${contract}: ${text}`),
            openSql: shared && (async () => lent(shared as SqlRunner)),
          },
        );
        summarise(entry, (JSON.parse(output) as { reports: EvaluationReport[] }).reports);
      } catch (e) {
        const exitCode = (e as { exitCode?: unknown }).exitCode;
        if (exitCode !== 1 && exitCode !== 2) throw e;
        worst = Math.max(worst, exitCode);
        entry.error = (e as Error).message;
        warn(`sla: ${file}: ${entry.error}\n`);
      } finally {
        if (shared) await clear(shared);
      }
      contracts.push(entry);
    }
  } finally {
    shared?.close();
  }
  const report: PortfolioReport = {
    format: "sla-portfolio/1",
    period: flags.period,
    to: flags.to ?? flags.period,
    contracts,
    totals: totals(contracts),
  };
  write(format === "md" ? renderPortfolioMarkdown(report) : `${JSON.stringify(report, null, 2)}\n`);
  if (worst > 0) process.exitCode = worst;
}

/** The shared database lent to one contract, with all it can do: its close is the portfolio's to do. */
export function lent(db: SqlRunner): SqlRunner {
  return { ...db, close: () => {} };
}

/** Drops the tables and views one contract's evaluation left, so the next starts clean. */
async function clear(db: SqlRunner): Promise<void> {
  const views = await db.all("SELECT view_name AS name FROM duckdb_views() WHERE temporary AND NOT internal");
  for (const v of views) await db.all(`DROP VIEW IF EXISTS temp.main."${String(v.name).replaceAll('"', '""')}"`);
  const tables = await db.all("SELECT table_name AS name FROM duckdb_tables() WHERE temporary");
  for (const t of tables) await db.all(`DROP TABLE IF EXISTS temp.main."${String(t.name).replaceAll('"', '""')}"`);
}

function emptyEntry(contract: string, file: string, events: string): PortfolioEntry {
  return {
    contract,
    file,
    events,
    agreement: null,
    objectives: 0,
    met: 0,
    breached: 0,
    undecided: 0,
    credits: [],
    bonuses: [],
    terminationRights: 0,
    error: null,
    reports: [],
  };
}

function summarise(entry: PortfolioEntry, reports: EvaluationReport[]): void {
  entry.reports = reports;
  entry.agreement = reports[0]?.agreement?.name ?? null;
  for (const report of reports) {
    for (const o of report.objectives) {
      entry.objectives++;
      if (o.status === "complete" && o.met === true) entry.met++;
      else if (o.status === "complete" && o.met === false) entry.breached++;
      else entry.undecided++;
    }
    entry.credits = addMoney(entry.credits, report.totalCredit);
    entry.bonuses = addMoney(entry.bonuses, report.totalBonus);
    entry.terminationRights += report.terminationRights.filter((t) => t.exercisable).length;
  }
}

function totals(contracts: PortfolioEntry[]): PortfolioReport["totals"] {
  const sum = (f: (e: PortfolioEntry) => number) => contracts.reduce((n, e) => n + f(e), 0);
  let credits: Money[] = [];
  let bonuses: Money[] = [];
  for (const e of contracts) {
    for (const m of e.credits) credits = addMoney(credits, m);
    for (const m of e.bonuses) bonuses = addMoney(bonuses, m);
  }
  return {
    contracts: contracts.length,
    failed: contracts.filter((e) => e.error !== null).length,
    objectives: sum((e) => e.objectives),
    met: sum((e) => e.met),
    breached: sum((e) => e.breached),
    undecided: sum((e) => e.undecided),
    credits,
    bonuses,
    terminationRights: sum((e) => e.terminationRights),
  };
}

/** Adds an amount to its currency's total, exactly (decimal text, never a float); zero adds nothing. */
export function addMoney(totals: Money[], money: Money): Money[] {
  if (/^0(\.0+)?$/.test(money.amount)) return totals;
  const found = totals.find((t) => t.currency === money.currency);
  const rest = totals.filter((t) => t !== found);
  const amount = found === undefined ? money.amount : addDecimals(found.amount, money.amount);
  return [...rest, { amount, currency: money.currency }].sort((a, b) =>
    (a.currency ?? "").localeCompare(b.currency ?? ""),
  );
}

function addDecimals(a: string, b: string): string {
  const places = Math.max(decimals(a), decimals(b));
  const scaled = (x: string) => BigInt(x.replace(".", "") + "0".repeat(places - decimals(x)));
  const total = (scaled(a) + scaled(b)).toString().padStart(places + 1, "0");
  return places === 0 ? total : `${total.slice(0, -places)}.${total.slice(-places)}`;
}

function decimals(x: string): number {
  const point = x.indexOf(".");
  return point < 0 ? 0 : x.length - point - 1;
}

function moneyText(amounts: Money[]): string {
  if (amounts.length === 0) return "—";
  return amounts.map((m) => (m.currency === null ? m.amount : formatMoney(m.amount, m.currency))).join(", ");
}

export function renderPortfolioMarkdown(report: PortfolioReport): string {
  const months = report.period === report.to ? report.period : `${report.period} to ${report.to}`;
  const t = report.totals;
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const lines = [
    `# Portfolio report, ${months}`,
    "",
    `${t.contracts} contract${t.contracts === 1 ? "" : "s"}${t.failed > 0 ? ` (${t.failed} not evaluated)` : ""}: ${t.objectives} objective windows, ${t.met} met, ${t.breached} breached, ${t.undecided} without a verdict.`,
    "",
    row([
      "Contract",
      "Agreement",
      "Objectives",
      "Met",
      "Breached",
      "No verdict",
      "Credit",
      "Bonus",
      "Termination rights",
    ]),
    row(Array(9).fill("---")),
  ];
  for (const e of report.contracts) {
    if (e.error !== null) {
      lines.push(row([escapeCell(e.contract), `not evaluated: ${escapeCell(e.error)}`, "", "", "", "", "", "", ""]));
      continue;
    }
    lines.push(
      row([
        escapeCell(e.contract),
        escapeCell(e.agreement ?? "—"),
        String(e.objectives),
        String(e.met),
        String(e.breached),
        String(e.undecided),
        moneyText(e.credits),
        moneyText(e.bonuses),
        String(e.terminationRights),
      ]),
    );
  }
  lines.push(
    row([
      "**Total**",
      "",
      String(t.objectives),
      String(t.met),
      String(t.breached),
      String(t.undecided),
      moneyText(t.credits),
      moneyText(t.bonuses),
      String(t.terminationRights),
    ]),
    "",
    "Each contract's own report: `sla evaluate CONTRACT` with the same options, or this run with `--format json`.",
    "",
  );
  return lines.join("\n");
}

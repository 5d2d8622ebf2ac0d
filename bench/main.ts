/**
 * `npm run bench`: every figure next to a baseline measured in the same run on the same machine.
 * Sizes can be reduced for a quick look with BENCH_QUICK=1; BENCH_ONLY=duckdb,portfolio runs only
 * those groups (front-end, server, first-check, syntax-errors, engine, duckdb, portfolio, cold-start).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, createWriteStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { compileBundle, renderContract, serializeBundle } from "@sla/compiler";
import { checkProgram, memoryHost } from "@sla/language";
import { measureLatencies } from "@sla/language-server/bench";
import { parse as parseYaml } from "yaml";
import { generateContract, generateEvents, generateOpenSlo, generateSyntaxErrors } from "./generate.ts";
import { benchPortfolio } from "./portfolio.ts";

async function main(): Promise<void> {
  const QUICK = process.env.BENCH_QUICK === "1";
  const ROOT = process.cwd(); // npm run bench runs from the repository root
  const OUT = join(ROOT, "bench/out");
  mkdirSync(OUT, { recursive: true });
  const only = process.env.BENCH_ONLY?.split(",");
  const wanted = (group: string) => only === undefined || only.includes(group);

  interface Row {
    benchmark: string;
    size: string;
    figure: string;
    baseline: string;
    ratio: string;
  }
  const rows: Row[] = [];

  function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }

  function time(fn: () => void, repeat: number): number {
    fn(); // warm up: JIT and caches, as in an editor session
    const samples: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const start = performance.now();
      fn();
      samples.push(performance.now() - start);
    }
    return median(samples);
  }

  /** `time`, with the process's CPU time (user + system, all threads) of the same runs, median of each. */
  function timeWithCpu(fn: () => void, repeat: number): { wall: number; cpu: number } {
    fn();
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const cpuBefore = process.cpuUsage();
      const start = performance.now();
      fn();
      wall.push(performance.now() - start);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
    }
    return { wall: median(wall), cpu: median(cpu) };
  }

  const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const count = (n: number) => n.toLocaleString("en-GB");

  /** Runs bench/child.ts in a process of its own; its figures as JSON. */
  function child<T>(args: string[]): T {
    const result = spawnSync(process.execPath, [join(OUT, "bench-child.cjs"), ...args], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout) as T;
  }

  // 1. Front end and build, against JSON.parse of the bundle and yaml of OpenSLO
  for (const lines of !wanted("front-end") ? [] : QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000]) {
    const { text, blocks } = generateContract(lines);
    const uri = "file:///bench/contract.sla";
    const host = memoryHost({ [uri]: text });
    const repeat = lines >= 100_000 ? 3 : lines >= 10_000 ? 7 : 25;
    let program = checkProgram(uri, host);
    if (program.diagnostics.length)
      throw new Error(`generated contract is not clean: ${program.diagnostics[0].message}`);
    const actualLines = text.split("\n").length;
    // CPU time beside wall time: on a loaded machine it moves much less than the wall clock
    const { wall: check, cpu: checkCpu } = timeWithCpu(() => {
      program = checkProgram(uri, host);
    }, repeat);
    const bundleText = serializeBundle(compileBundle(program));
    const jsonParse = time(() => JSON.parse(bundleText), repeat);
    const yamlText = generateOpenSlo(blocks);
    const yaml = time(() => {
      for (const doc of yamlText.split("\n---\n")) parseYaml(doc);
    }, repeat);
    const build = time(() => {
      const bundle = compileBundle(program);
      serializeBundle(bundle);
      renderContract(bundle);
    }, repeat);
    const size = `${actualLines.toLocaleString("en-GB")} lines`;
    const perSecond = Math.round(actualLines / (check / 1000)).toLocaleString("en-GB");
    rows.push({
      benchmark: "lex + parse + check",
      size,
      figure: `${ms(check)} (${perSecond} lines/s; CPU ${ms(checkCpu)})`,
      baseline: `JSON.parse of its bundle ${ms(jsonParse)}`,
      ratio: ratio(check, jsonParse),
    });
    rows.push({
      benchmark: "lex + parse + check",
      size,
      figure: ms(check),
      baseline: `yaml parse of ${blocks} OpenSLO SLOs ${ms(yaml)}`,
      ratio: ratio(check, yaml),
    });
    rows.push({
      benchmark: "build (bundle + Markdown)",
      size,
      figure: ms(build),
      baseline: `check ${ms(check)}`,
      ratio: ratio(build, check),
    });
  }

  // 2. Language server latencies on a 5,000-line contract
  if (wanted("server")) {
    const { text } = generateContract(5_000);
    const results = await measureLatencies(text, QUICK ? 20 : 60);
    const { text: small } = generateContract(100);
    const floor = await measureLatencies(small, QUICK ? 20 : 60);
    for (const r of results) {
      const base = floor.find((f) => f.feature === r.feature);
      rows.push({
        benchmark: `server: ${r.feature}`,
        size: "5,000 lines",
        figure: `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}`,
        baseline: base ? `same on 100 lines: p95 ${ms(base.p95)}` : "-",
        ratio: base ? ratio(r.p95, base.p95) : "-",
      });
    }
  }

  // 3. The language server's first check of a big document, each size in a fresh process: linear when
  // the ratio to the smallest size grows like the size
  if (wanted("first-check")) {
    const sizes = QUICK ? [2_000, 4_000, 8_000] : [8_000, 16_000, 32_000, 64_000];
    let smallest: { ms: number; cpuMs: number; declarations: number } | undefined;
    for (const size of sizes) {
      type FirstCheck = { ms: number; cpuMs: number; declarations: number; lines: number; maxRssMb: number };
      const result = child<FirstCheck>(["first-check", String(size)]);
      smallest ??= result;
      rows.push({
        benchmark: "server: first check of a document",
        size: `${count(result.declarations)} declarations (${count(result.lines)} lines)`,
        figure: `${ms(result.ms)} (CPU ${ms(result.cpuMs)}), peak RSS ${result.maxRssMb} MB`,
        baseline: `${count(smallest.declarations)} declarations ${ms(smallest.ms)} (CPU ${ms(smallest.cpuMs)})`,
        ratio: `${ratio(result.ms, smallest.ms)} (CPU ${ratio(result.cpuMs, smallest.cpuMs)}) for ${ratio(result.declarations, smallest.declarations)} the size`,
      });
    }
  }

  // 4. sla check with many syntax errors: text (code frames) against JSON (none)
  if (wanted("syntax-errors")) {
    const errors = QUICK ? 5_000 : 20_000;
    const file = join(OUT, "syntax-errors.sla");
    writeFileSync(file, generateSyntaxErrors(errors));
    const sla = join(ROOT, "packages/cli/bin/sla.cjs");
    const check = (format: string) => {
      const start = performance.now();
      const result = spawnSync(process.execPath, [sla, "check", "--no-color", "--format", format, file], {
        encoding: "utf8",
        maxBuffer: 1 << 30,
      });
      const elapsed = performance.now() - start;
      if (result.status !== 1)
        throw new Error(`sla check --format ${format} exited ${result.status}: ${result.stderr}`);
      return { elapsed, stdout: result.stdout };
    };
    const reported = (JSON.parse(check("json").stdout) as { diagnostics: unknown[] }).diagnostics.length;
    if (reported !== errors) throw new Error(`expected ${errors} syntax errors, sla check reported ${reported}`);
    const text: number[] = [];
    const json: number[] = [];
    for (let i = 0; i < (QUICK ? 1 : 3); i++) {
      text.push(check("human").elapsed);
      json.push(check("json").elapsed);
    }
    rows.push({
      benchmark: "sla check, syntax errors as text",
      size: `${count(errors)} errors`,
      figure: ms(median(text)),
      baseline: `--format json ${ms(median(json))}`,
      ratio: ratio(median(text), median(json)),
    });
  }

  // The shared conformance contract's bundle, which the engine rows (5 and 7) evaluate
  const bundlePath = join(OUT, "hosting.rules.json");
  const hosting = readFileSync(join(ROOT, "../shared/spec/conformance/hosting.sla"), "utf8");
  const hostingUri = "file:///bench/hosting.sla";
  writeFileSync(
    bundlePath,
    serializeBundle(compileBundle(checkProgram(hostingUri, memoryHost({ [hostingUri]: hosting })))),
  );

  // 5. Engine: stream a million records; the floor is reading and JSON-parsing the same lines
  if (wanted("engine")) {
    const records = QUICK ? 200_000 : 1_000_000;
    for (const months of [1, 12]) {
      const eventsPath = join(OUT, `events-${records}-${months}.ndjson`);
      const stream = createWriteStream(eventsPath);
      for (const line of generateEvents(records, months))
        if (!stream.write(`${line}\n`)) await new Promise<void>((r) => stream.once("drain", () => r()));
      await new Promise<void>((r) => stream.end(() => r()));
      const floor = child<{ ms: number; maxRssMb: number }>(["floor", eventsPath, bundlePath]);
      const engine = child<{ ms: number; maxRssMb: number }>(["engine", eventsPath, bundlePath]);
      rows.push({
        benchmark:
          months === 1
            ? "engine: evaluate NDJSON (all in the month)"
            : "engine: evaluate NDJSON (1 in 12 in the month)",
        size: `${records.toLocaleString("en-GB")} records`,
        figure: `${Math.round(records / (engine.ms / 1000)).toLocaleString("en-GB")} records/s, peak RSS ${engine.maxRssMb} MB`,
        baseline: `read + JSON.parse ${ms(floor.ms)}, peak RSS ${floor.maxRssMb} MB`,
        ratio: ratio(engine.ms, floor.ms),
      });
    }
  }

  // 7. The per-record work in DuckDB against the streaming engine, both through the CLI with the same
  //    report: on a request log (measurements only: the rows that run to billions), and on the
  //    conformance mix (60% measurements, 30% outages, 10% tickets), whose report lists every
  //    incident and ticket, so that its size bounds both engines (BENCH_SQL_MIXED_RECORDS, 1,000,000)
  if (wanted("duckdb")) {
    const records = QUICK ? 1_000_000 : Number(process.env.BENCH_SQL_RECORDS ?? 10_000_000);
    const mixedRecords = QUICK ? 200_000 : Number(process.env.BENCH_SQL_MIXED_RECORDS ?? 1_000_000);
    const requestLog = join(OUT, `requests-${records}.ndjson`);
    const mixed = join(OUT, `mixed-${mixedRecords}.ndjson`);
    const write = async (path: string, lines: Iterable<string>) => {
      const stream = createWriteStream(path);
      for (const line of lines)
        if (!stream.write(`${line}\n`)) await new Promise<void>((r) => stream.once("drain", () => r()));
      await new Promise<void>((r) => stream.end(() => r()));
    };
    await write(requestLog, requests(records));
    await write(mixed, generateEvents(mixedRecords, 1));
    const sla = join(ROOT, "packages/cli/bin/sla.cjs");
    const evaluateWith = (engine: string, eventsPath: string) => {
      const args = [sla, "evaluate", bundlePath, "--events", eventsPath];
      const began = performance.now();
      const result = spawnSync(
        "/usr/bin/time",
        ["-f", "%M", process.execPath, ...args, "--period", "2026-03", "--as-of", "2026-04-30", "--engine", engine],
        { encoding: "utf8", maxBuffer: 1 << 30 },
      );
      const elapsed = performance.now() - began;
      if (result.status !== 0)
        throw new Error(`sla evaluate --engine ${engine} exited ${result.status}: ${result.stderr}`);
      const rssMb = Math.round(Number(result.stderr.trim().split("\n").pop()) / 1024);
      return { elapsed, rssMb, report: result.stdout };
    };
    let requestLogStreaming = 0;
    for (const [name, eventsPath, n] of [
      ["request log", requestLog, records],
      ["mixed, every incident listed", mixed, mixedRecords],
    ] as const) {
      const streaming = evaluateWith("streaming", eventsPath);
      if (eventsPath === requestLog) requestLogStreaming = streaming.elapsed;
      const duckdb = evaluateWith("duckdb", eventsPath);
      if (duckdb.report !== streaming.report) throw new Error(`${name}: --engine duckdb and streaming reports differ`);
      const perSecond = (t: number) => Math.round(n / (t / 1000)).toLocaleString("en-GB");
      rows.push({
        benchmark: `engine: evaluate --engine duckdb (${name})`,
        size: `${count(n)} records`,
        figure: `${perSecond(duckdb.elapsed)} records/s, peak RSS ${duckdb.rssMb} MB`,
        baseline: `streaming ${perSecond(streaming.elapsed)} records/s, peak RSS ${streaming.rssMb} MB`,
        ratio: ratio(streaming.elapsed, duckdb.elapsed),
      });
    }
    // The ceiling of the ratio above on this machine: DuckDB's least work on the same file, with
    // none of the checks that make SQL read what the streaming reader reads (bench/child.ts)
    const least = child<{ ms: number; maxRssMb: number }>(["duckdb-least", requestLog]);
    rows.push({
      benchmark: "DuckDB's least work on the request log (read, type, count; no checks, no contract)",
      size: `${count(records)} records`,
      figure: `${(least.ms / 1000).toFixed(2)} s, peak RSS ${least.maxRssMb} MB`,
      baseline: `streaming evaluate ${(requestLogStreaming / 1000).toFixed(2)} s`,
      ratio: ratio(requestLogStreaming, least.ms),
    });
  }

  // 8. A portfolio: 1,000 contracts over 100,000,000 Parquet records in one run, under 2 GB
  //    (bench/portfolio.ts; BENCH_PORTFOLIO_CONTRACTS, _RECORDS and _MEMORY_LIMIT shrink it)
  if (wanted("portfolio")) {
    const f = await benchPortfolio(ROOT);
    const seconds = (t: number) => `${(t / 1000).toFixed(1)} s`;
    const share = Math.ceil(f.records / f.contracts);
    rows.push({
      benchmark: "portfolio: evaluate FOLDER --engine duckdb (Parquet)",
      size: `${count(f.contracts)} contracts, ${count(f.records)} records`,
      figure: `${seconds(f.portfolio.ms)} (${count(Math.round(f.records / (f.portfolio.ms / 1000)))} records/s), peak RSS ${f.portfolio.rssMb} MB (memory limit ${f.memoryLimit})`,
      baseline: `one contract alone (${count(share)} records) ${seconds(f.single.ms)}, peak RSS ${f.single.rssMb} MB`,
      ratio: `${ratio(f.portfolio.ms, f.single.ms * f.contracts)} the time of ${count(f.contracts)} runs; RSS ${(f.portfolio.rssMb / 2048).toFixed(2)}× 2 GB`,
    });
  }

  // 6. Cold start of the CLI against an empty Node process
  if (wanted("cold-start")) {
    const small = join(OUT, "small.sla");
    writeFileSync(small, generateContract(40).text);
    // the same CLI without its code cache, as under a Node other than the one that built it
    const uncached = join(OUT, "cli-without-code-cache");
    for (const file of ["bin/sla.cjs", "dist/sla.cjs", "dist/sla-check.cjs"]) {
      mkdirSync(dirname(join(uncached, file)), { recursive: true });
      copyFileSync(join(ROOT, "packages/cli", file), join(uncached, file));
    }
    const commands = [
      ["-e", "0"],
      [join(ROOT, "packages/cli/bin/sla.cjs"), "check", small],
      [join(uncached, "bin/sla.cjs"), "check", small],
    ];
    // taken in turn, so that a change in the machine's load falls on all three alike
    const samples = commands.map((): number[] => []);
    for (let i = 0; i < (QUICK ? 5 : 15); i++) {
      for (const [k, args] of commands.entries()) {
        const start = performance.now();
        spawnSync(process.execPath, args, { stdio: "ignore" });
        samples[k].push(performance.now() - start);
      }
    }
    const [node, cold, coldUncached] = samples.map(median);
    rows.push({
      benchmark: "cold start: sla check (small file)",
      size: "1 file",
      figure: ms(cold),
      baseline: `node -e 0 ${ms(node)}`,
      ratio: ratio(cold, node),
    });
    rows.push({
      benchmark: "cold start: sla check, no code cache",
      size: "1 file",
      figure: ms(coldUncached),
      baseline: `node -e 0 ${ms(node)}`,
      ratio: ratio(coldUncached, node),
    });
  }

  const header: Row = {
    benchmark: "benchmark",
    size: "size",
    figure: "figure",
    baseline: "baseline (same run)",
    ratio: "ratio",
  };
  const widths = Object.keys(header).map((k) => Math.max(...[header, ...rows].map((r) => r[k as keyof Row].length)));
  const line = (r: Row) =>
    `| ${Object.keys(header)
      .map((k, i) => r[k as keyof Row].padEnd(widths[i]))
      .join(" | ")} |`;
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
}

/** A month of request-level latency records, evenly spread over March 2026. */
function* requests(records: number): Generator<string> {
  const start = Date.UTC(2026, 2, 1);
  const span = 30 * 24 * 3600 * 1000;
  for (let i = 0; i < records; i++) {
    const at = new Date(start + Math.floor((i / records) * span)).toISOString();
    yield `{"type":"measurement","metric":"ApiLatency","at":"${at}","value":${150 + ((i * 7919) % 200)}.${i % 10}}`;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

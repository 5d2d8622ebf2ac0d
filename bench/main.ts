/**
 * `npm run bench`: every figure next to a baseline measured in the same run on the same machine.
 * Sizes can be reduced for a quick look with BENCH_QUICK=1.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { compileBundle, renderContract, serializeBundle } from "@sla/compiler";
import { checkProgram, memoryHost } from "@sla/language";
import { measureLatencies } from "@sla/language-server/bench";
import { parse as parseYaml } from "yaml";
import { generateContract, generateEvents, generateOpenSlo } from "./generate.ts";

async function main(): Promise<void> {
  const QUICK = process.env.BENCH_QUICK === "1";
  const ROOT = process.cwd(); // npm run bench runs from the repository root
  const OUT = join(ROOT, "bench/out");
  mkdirSync(OUT, { recursive: true });

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

  const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

  // 1. Front end and build, against JSON.parse of the bundle and yaml of OpenSLO
  for (const lines of QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000]) {
    const { text, blocks } = generateContract(lines);
    const uri = "file:///bench/contract.sla";
    const host = memoryHost({ [uri]: text });
    const repeat = lines >= 100_000 ? 3 : lines >= 10_000 ? 7 : 25;
    let program = checkProgram(uri, host);
    if (program.diagnostics.length)
      throw new Error(`generated contract is not clean: ${program.diagnostics[0].message}`);
    const actualLines = text.split("\n").length;
    const check = time(() => {
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
      figure: `${ms(check)} (${perSecond} lines/s)`,
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
  {
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

  // 3. Engine: stream a million records; the floor is reading and JSON-parsing the same lines
  {
    const records = QUICK ? 200_000 : 1_000_000;
    const bundlePath = join(OUT, "hosting.rules.json");
    const hosting = readFileSync(join(ROOT, "../shared/spec/conformance/hosting.sla"), "utf8");
    const hostingUri = "file:///bench/hosting.sla";
    writeFileSync(
      bundlePath,
      serializeBundle(compileBundle(checkProgram(hostingUri, memoryHost({ [hostingUri]: hosting })))),
    );
    for (const months of [1, 12]) {
      const eventsPath = join(OUT, `events-${records}-${months}.ndjson`);
      const stream = createWriteStream(eventsPath);
      for (const line of generateEvents(records, months))
        if (!stream.write(`${line}\n`)) await new Promise<void>((r) => stream.once("drain", () => r()));
      await new Promise<void>((r) => stream.end(() => r()));
      const child = (script: string) => {
        const result = spawnSync(process.execPath, [join(OUT, "bench-child.cjs"), script, eventsPath, bundlePath], {
          encoding: "utf8",
        });
        if (result.status !== 0) throw new Error(result.stderr);
        return JSON.parse(result.stdout) as { ms: number; maxRssMb: number };
      };
      const floor = child("floor");
      const engine = child("engine");
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

  // 4. Cold start of the CLI against an empty Node process
  {
    const small = join(OUT, "small.sla");
    writeFileSync(small, generateContract(40).text);
    const run = (args: string[]) => {
      const samples: number[] = [];
      for (let i = 0; i < (QUICK ? 5 : 15); i++) {
        const start = performance.now();
        spawnSync(process.execPath, args, { stdio: "ignore" });
        samples.push(performance.now() - start);
      }
      return median(samples);
    };
    const node = run(["-e", "0"]);
    const cold = run([join(ROOT, "packages/cli/bin/sla.cjs"), "check", small]);
    rows.push({
      benchmark: "cold start: sla check (small file)",
      size: "1 file",
      figure: ms(cold),
      baseline: `node -e 0 ${ms(node)}`,
      ratio: ratio(cold, node),
    });
  }

  // 5. Many diagnostics in one file: the text output (code frames) against JSON (none)
  {
    const count = QUICK ? 2_000 : 20_000;
    const errors = join(OUT, "syntax-errors.sla");
    writeFileSync(errors, `party P { role provider }\n${"@\n".repeat(count)}`);
    const check = (format: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        spawnSync(process.execPath, [join(ROOT, "packages/cli/bin/sla.cjs"), "check", errors, "--format", format], {
          stdio: "ignore",
        });
        samples.push(performance.now() - start);
      }
      return median(samples);
    };
    const json = check("json");
    const text = check("human");
    rows.push({
      benchmark: "sla check, syntax errors as text",
      size: `${count.toLocaleString("en-GB")} errors`,
      figure: ms(text),
      baseline: `--format json ${ms(json)}`,
      ratio: ratio(text, json),
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

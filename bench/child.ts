/**
 * Runs in its own process so that its peak memory (and a fresh server's first check) is its own:
 * - `floor EVENTS BUNDLE` / `engine EVENTS BUNDLE`: reading + JSON.parse of an event file, or evaluating it;
 * - `first-check DECLARATIONS`: the language server's first check of a generated contract.
 */
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { evaluate } from "@sla/engine";
import { readEventsFile } from "@sla/engine/node";
import { measureFirstCheck } from "@sla/language-server/bench";
import { generateDeclarations } from "./generate.ts";

async function main(): Promise<void> {
  const [mode, first, second] = process.argv.slice(2);
  if (mode === "first-check") {
    const { text, declarations } = generateDeclarations(Number(first));
    const cpuBefore = process.cpuUsage();
    const { ms, diagnostics } = await measureFirstCheck(text);
    const cpu = process.cpuUsage(cpuBefore);
    if (diagnostics !== 0) throw new Error(`generated contract is not clean: ${diagnostics} diagnostics`);
    const lines = text.split("\n").length;
    // CPU time too: on a shared machine it says more about linearity than the wall clock
    report({ ms, cpuMs: (cpu.user + cpu.system) / 1000, declarations, lines });
    process.exit(0); // the in-process server's connection would keep the process alive
  }
  const [eventsPath, bundlePath] = [first, second];
  const start = performance.now();
  if (mode === "floor") {
    let count = 0;
    for await (const line of createInterface({
      input: createReadStream(eventsPath),
      crlfDelay: Number.POSITIVE_INFINITY,
    })) {
      if (JSON.parse(line)) count++;
    }
    if (count === 0) throw new Error("no records");
  } else {
    const bundle = JSON.parse(readFileSync(bundlePath, "utf8"));
    await evaluate(bundle, readEventsFile(eventsPath), { from: "2026-03" });
  }
  report({ ms: performance.now() - start });
}

function report(figures: Record<string, number>): void {
  process.stdout.write(JSON.stringify({ ...figures, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

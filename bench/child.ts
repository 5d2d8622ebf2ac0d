/** Runs in its own process so that its peak memory is its own: the engine, or the floor of reading + JSON.parse. */
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { evaluate } from "@sla/engine";
import { readEventsFile } from "@sla/engine/node";

async function main(): Promise<void> {
  const [mode, eventsPath, bundlePath] = process.argv.slice(2);
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
  const elapsed = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms: elapsed, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * A real Prometheus for the tests, on loopback: its storage filled from OpenMetrics text with
 * `promtool tsdb create-blocks-from openmetrics`, then `prometheus` started on a free port with a
 * retention long enough for the fixture's timestamps. Debian's `prometheus` package ships both.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Why no Prometheus can be started here, or `undefined` when it can. */
export const prometheusMissing: string | undefined =
  spawnSync("prometheus", ["--version"], { encoding: "utf8" }).status === 0
    ? spawnSync("promtool", ["--version"], { encoding: "utf8" }).status === 0
      ? undefined
      : "promtool is not installed (Debian package prometheus)"
    : "the prometheus binary is not installed (Debian package prometheus)";

export interface RunningPrometheus {
  readonly url: string;
  stop(): Promise<void>;
}

/** A loopback port nothing listens on (now). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Blocks from `openMetrics` (which must end in `# EOF`), and a Prometheus serving them. */
export async function startPrometheus(openMetrics: string): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), "sla-prometheus-"));
  const data = join(dir, "data");
  writeFileSync(join(dir, "series.om"), openMetrics);
  const blocks = spawnSync("promtool", ["tsdb", "create-blocks-from", "openmetrics", "series.om", data], {
    cwd: dir,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (blocks.status !== 0) throw new Error(`promtool create-blocks-from failed: ${blocks.stdout}${blocks.stderr}`);
  writeFileSync(join(dir, "prometheus.yml"), "global:\n  scrape_interval: 1m\n");
  const port = await freePort();
  const child: ChildProcess = spawn(
    "prometheus",
    [
      `--config.file=${join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${data}`,
      "--storage.tsdb.retention.time=100y",
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { cwd: dir, stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}: ${log}`);
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`prometheus did not become ready in 30 s: ${log}`);
}

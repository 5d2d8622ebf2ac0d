/** A progress line on standard error, only on a terminal and only for long work; nothing in pipes or CI logs. */
export interface Progress {
  tick(done: number): void;
  done(): void;
}

const QUIET: Progress = { tick() {}, done() {} };

/**
 * `total` units of work, shown as `done/total` (files) or, with `asPercent`, as a percentage
 * (bytes of a big events file); nothing below `threshold` units.
 */
export function progress(total: number, label: string, threshold = 50, asPercent = false): Progress {
  if (!process.stderr.isTTY || total < threshold || process.env.CI) return QUIET;
  let last = 0;
  return {
    tick(done) {
      const now = Date.now();
      if (now - last < 80 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const count = asPercent ? `${Math.floor((done / total) * 100)}%` : `${done}/${total}`;
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${count}`);
    },
    done() {
      process.stderr.write("\r\u001b[2K");
    },
  };
}

/** A progress line on standard error, only on a terminal and only for long work; nothing in pipes or CI logs. */
export interface Progress {
  tick(done: number): void;
  done(): void;
}

const QUIET: Progress = { tick() {}, done() {} };

export function progress(total: number, label: string, threshold = 50): Progress {
  if (!process.stderr.isTTY || total < threshold || process.env.CI) return QUIET;
  let last = 0;
  return {
    tick(done) {
      const now = Date.now();
      if (now - last < 80 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      process.stderr.write("\r\u001b[2K");
    },
  };
}

/**
 * The lines of a file, indexed once: a code frame per diagnostic must not split the whole file
 * again, or 20,000 diagnostics in one file cost 20,000 splits (issue 19, fault 5).
 */
import { computeLineStarts } from "@sla/language";

export class SourceLines {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = computeLineStarts(text);
  }

  /** The 1-based line's text without its line break, or undefined past the end. */
  line(line: number): string | undefined {
    if (line < 1 || line > this.starts.length) return undefined;
    const start = this.starts[line - 1];
    const end = line < this.starts.length ? this.starts[line] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, "");
  }
}

/** One index per file name, rebuilt when that file's text changes (`build --watch`). */
const indexes = new Map<string, SourceLines>();

export function sourceLines(file: string, text: string): SourceLines {
  const known = indexes.get(file);
  if (known && known.text === text) return known;
  const fresh = new SourceLines(text);
  indexes.set(file, fresh);
  return fresh;
}

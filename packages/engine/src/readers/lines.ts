import { EventDataError } from "../errors.ts";

/** Anything that yields text: lines, or arbitrary chunks when split by `splitLines`. */
export type TextSource = AsyncIterable<string> | Iterable<string>;

/**
 * The longest line an events file may have, in characters: far more than any record needs, and it
 * keeps a file without line breaks (`/dev/zero`, a binary file) from growing in memory.
 */
export const MAX_LINE_LENGTH = 1 << 20;

/**
 * Turns chunks of text into lines without holding more than one partial line, so a file of any
 * size streams in flat memory. Handles `\n` and `\r\n`. A line longer than `maxLength` stops
 * the read with an `EventDataError` naming its line number.
 */
export async function* splitLines(chunks: TextSource, maxLength = MAX_LINE_LENGTH): AsyncGenerator<string> {
  let rest = "";
  let line = 0;
  const tooLong = () =>
    new EventDataError(line + 1, null, `line is longer than ${maxLength} characters: is this an events file?`);
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let from = 0;
    let nl = text.indexOf("\n", from);
    while (nl !== -1) {
      const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end - from > maxLength) throw tooLong();
      line++;
      yield text.slice(from, end);
      from = nl + 1;
      nl = text.indexOf("\n", from);
    }
    rest = text.slice(from);
    if (rest.length > maxLength + 1) throw tooLong();
  }
  if (rest.length > 0) {
    const last = rest.endsWith("\r") ? rest.slice(0, -1) : rest;
    if (last.length > maxLength) throw tooLong();
    yield last;
  }
}

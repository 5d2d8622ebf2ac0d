/** Anything that yields text: lines, or arbitrary chunks when split by `splitLines`. */
export type TextSource = AsyncIterable<string> | Iterable<string>;

/**
 * Turns chunks of text into lines without holding more than one partial line, so a file of any
 * size streams in flat memory. Handles `\n` and `\r\n`.
 */
export async function* splitLines(chunks: TextSource): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let from = 0;
    let nl = text.indexOf("\n", from);
    while (nl !== -1) {
      yield text.charCodeAt(nl - 1) === 13 ? text.slice(from, nl - 1) : text.slice(from, nl);
      from = nl + 1;
      nl = text.indexOf("\n", from);
    }
    rest = text.slice(from);
  }
  if (rest.length > 0) yield rest.endsWith("\r") ? rest.slice(0, -1) : rest;
}

/**
 * The inline Markdown of the document model read back as styled text, for renderers that are not
 * Markdown (the Word contract). The model's Markdown is the narrow subset `escape.ts` and the
 * contract writer produce: `**bold**`, `*italic*` and `_italic_`, `` `code` ``, backslash escapes,
 * and the entities `&amp;`, `&lt;`, `&gt;`. Bundle text cannot add markup (every `*`, `_`, `` ` `` and
 * `\` in it is escaped, and clause text's emphasis is written by `clause-text.ts` as pairs of `*`,
 * `**` or `_`), so each unescaped `*`, `_` and `` ` `` here was written by the renderer.
 */
import type { Markdown } from "./escape.ts";

export interface Span {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

/** The text of a piece of model Markdown as spans of plain, bold, italic and code text, in order; adjacent spans differ in style. */
export function spans(markdown: Markdown): Span[] {
  const source = markdown.text;
  const out: Span[] = [];
  let text = "";
  let bold = false;
  let italic = false;
  let code = false;
  const flush = () => {
    if (text === "") return;
    const last = out[out.length - 1];
    if (last && last.bold === bold && last.italic === italic && last.code === code) last.text += text;
    else out.push({ text, bold, italic, code });
    text = "";
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === "\\" && i + 1 < source.length && !code) {
      text += source[i + 1];
      i += 2;
    } else if (c === "&" && !code) {
      const entity = /^&(?:amp|lt|gt);/.exec(source.slice(i, i + 5));
      text += entity ? ENTITIES[entity[0]] : c;
      i += entity ? entity[0].length : 1;
    } else if (c === "*" && source[i + 1] === "*" && !code) {
      flush();
      bold = !bold;
      i += 2;
    } else if ((c === "*" || c === "_") && !code) {
      flush();
      italic = !italic;
      i += 1;
    } else if (c === "`") {
      flush();
      code = !code;
      i += 1;
    } else {
      text += c;
      i += 1;
    }
  }
  flush();
  return out;
}

/** The plain text of a piece of model Markdown, markup removed. */
export function plainText(markdown: Markdown): string {
  return spans(markdown)
    .map((s) => s.text)
    .join("");
}

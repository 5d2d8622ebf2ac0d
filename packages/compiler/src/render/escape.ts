// The escaping lives in @sla/bundle, shared with the engine's service report so the two documents
// cannot disagree on what is safe; the renderer's modules import it from here.
export { escapeCell, escapeInline, escapeParagraphs, join, Markdown, md, plainLine, raw } from "@sla/bundle";

/**
 * Hover. On a keyword: what it means. On a name: its kind, title and where it is declared; for an
 * objective also its target and the downtime an availability target allows; for a remedy (or the
 * `for` of a remedy) its credit tiers. On an availability target's percentage: the downtime it
 * allows in each length of its window.
 */
import { type CheckedProgram, type Declaration, type Property, propertyOf, type SymbolEntry } from "@sla/language";
import { type Hover, type HoverParams, MarkupKind } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { availabilityTarget, budgetTable, declarationAt, tierTable } from "../analysis/contract.ts";
import { DECLARATION_DOCS, docMarkdown, PROPERTY_DOCS, WORD_DOCS } from "../analysis/keyword-docs.ts";
import { fileName } from "../analysis/kinds.ts";
import { type NameAt, nameAt } from "../analysis/names.ts";
import { keywordOf, tokenAt, tokenRange } from "../analysis/tokens.ts";
import { contains, touches, toLspRange } from "../workspace/text.ts";
import { locate } from "./locate.ts";
import { escapeInline } from "@sla/compiler";

export function hover(context: ServerContext, params: HoverParams): Hover | null {
  const located = locate(context, params.textDocument.uri, params.position);
  const parsed = located && context.workspace.parsed(located.uri);
  if (!located || !parsed) return null;
  const { uri, offset } = located;
  if (parsed.file.comments.some((c) => contains(c.range, offset))) return null;
  const program = context.workspace.program(uri);

  const name = nameAt(program, uri, offset);
  if (name) return markdown(nameHover(program, name), name.identifier.range);

  const token = tokenAt(parsed.tokens, offset);
  if (!token) return null;
  const declaration = declarationAt(program, uri, offset);
  const property = declaration ? propertyAt(declaration.properties, offset) : undefined;

  if (
    declaration?.kind === "objective" &&
    property?.kind === "target" &&
    property.value &&
    touches(property.value.range, offset)
  ) {
    const availability = availabilityTarget(program, declaration);
    if (availability) {
      const comparator = property.comparator ? `${property.comparator.op} ` : "";
      const heading = `**Target ${comparator}${availability.percent}% ${windowText(located.view.text, property)}** allows this much downtime:`;
      return markdown(`${heading}\n\n${budgetTable(availability)}`, property.value.range);
    }
  }

  const word = keywordOf(token);
  if (!word) return null;
  const range = tokenRange(token);
  if (declaration && touches(declaration.keyword, offset)) {
    const doc = DECLARATION_DOCS[declaration.kind];
    return markdown(docMarkdown(declaration.kind, doc), declaration.keyword);
  }
  if (word === "import") return markdown(docMarkdown("import", DECLARATION_DOCS.import), range);
  if (property && touches(property.keyword, offset) && PROPERTY_DOCS[property.kind]) {
    return markdown(docMarkdown(property.kind, PROPERTY_DOCS[property.kind]), property.keyword);
  }
  const doc = WORD_DOCS[word] ?? PROPERTY_DOCS[word] ?? DECLARATION_DOCS[word];
  return doc ? markdown(docMarkdown(word, doc), range) : null;
}

function markdown(value: string, range: Parameters<typeof toLspRange>[0]): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(range) };
}

function propertyAt(properties: Property[], offset: number): Property | undefined {
  for (const property of properties) {
    if (!touches(property.range, offset)) continue;
    if (property.kind === "exclude") return propertyAt(property.properties, offset) ?? property;
    return property;
  }
  return undefined;
}

function windowText(text: string, property: Property): string {
  const window = property.kind === "target" ? property.window : undefined;
  return window ? text.slice(window.range.start.offset, window.range.end.offset).replace(/\s+/g, " ") : "";
}

function nameHover(program: CheckedProgram, name: NameAt): string {
  const symbol = name.symbol;
  if (!symbol) {
    const expected = name.reference?.expected ?? "declaration";
    return `**${escapeInline(name.identifier.text)}** — no ${expected} of this name is declared.`;
  }
  const parts = [describe(program, symbol)];
  if (name.reference?.property.kind === "for") {
    const owner = declarationAt(program, name.uri, name.identifier.range.start.offset);
    if (owner?.kind === "remedy" && owner.name) {
      const table = tierTable(owner, program.files.get(name.uri)?.text ?? "");
      if (table) parts.push(`---\n\nCredits of remedy \`${owner.name.text}\` for missing it:\n\n${table}`);
    }
  }
  return parts.join("\n\n");
}

/** Kind, title, where declared, and what matters most about the declaration. */
function describe(program: CheckedProgram, symbol: SymbolEntry): string {
  const declaration: Declaration = symbol.declaration;
  const title = declaration.title ? ` — ${escapeInline(declaration.title.value)}` : "";
  const line = declaration.name?.range.start.line ?? declaration.range.start.line;
  const lines = [
    `(${symbol.kind}) **${symbol.name}**${title}`,
    `Declared in \`${fileName(symbol.uri)}\`, line ${line}.`,
  ];
  const text = program.files.get(symbol.uri)?.text ?? "";
  const source = (p: Property | undefined) =>
    p ? text.slice(p.range.start.offset, p.range.end.offset).replace(/\s+/g, " ").trim() : undefined;

  if (declaration.kind === "objective") {
    const target = source(propertyOf(declaration, "target"));
    if (target) lines.push(`\`${target}\``);
    const availability = availabilityTarget(program, declaration);
    if (availability) lines.push(`Downtime allowed:\n\n${budgetTable(availability)}`);
  } else if (declaration.kind === "remedy") {
    const objective = propertyOf(declaration, "for")?.objective?.text;
    if (objective) lines.push(`For objective \`${objective}\`.`);
    const table = tierTable(declaration, text);
    if (table) lines.push(table);
  } else if (declaration.kind === "party") {
    const role = propertyOf(declaration, "role")?.role;
    if (role) lines.push(`Role: ${role}.`);
  } else if (declaration.kind === "metric") {
    const type = source(propertyOf(declaration, "type"));
    if (type) lines.push(`\`${type}\``);
  } else if (declaration.kind === "service") {
    const fee = source(propertyOf(declaration, "fee"));
    if (fee) lines.push(`\`${fee}\``);
  }
  return lines.join("\n\n");
}

/**
 * Rename a declared name everywhere it is written, across every file of every program that shares
 * its declaration. Keywords, unknown names and names that would clash are refused with a message.
 */
import { KEYWORDS } from "@sla/language";
import {
  ErrorCodes,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  ResponseError,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { fileName } from "../analysis/kinds.ts";
import { occurrences } from "../analysis/names.ts";
import { keywordOf, tokenAt } from "../analysis/tokens.ts";
import { toLspRange } from "../workspace/text.ts";
import { locate, locateName } from "./locate.ts";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORD_SET = new Set<string>(KEYWORDS);

function refuse(message: string): never {
  throw new ResponseError(ErrorCodes.InvalidRequest, message);
}

export function prepareRename(
  context: ServerContext,
  params: PrepareRenameParams,
): { range: Range; placeholder: string } | null {
  const located = locate(context, params.textDocument.uri, params.position);
  if (!located) return null;
  const found = locateName(context, params.textDocument.uri, params.position);
  if (!found) {
    const tokens = context.workspace.parsed(located.uri)?.tokens ?? [];
    const token = tokenAt(tokens, located.offset);
    const keyword = token && keywordOf(token);
    if (keyword) refuse(`'${keyword}' is a word of the language, not a name: it cannot be renamed.`);
    return null;
  }
  const { name } = found;
  if (!name.symbol) {
    refuse(
      `No ${name.reference?.expected ?? "declaration"} named '${name.identifier.text}' is declared, so there is nothing to rename. Declare it, or correct the name.`,
    );
  }
  return { range: toLspRange(name.identifier.range), placeholder: name.identifier.text };
}

export function rename(context: ServerContext, params: RenameParams): WorkspaceEdit | null {
  const found = locateName(context, params.textDocument.uri, params.position);
  const symbol = found?.name.symbol;
  if (!found || !symbol) {
    if (found) refuse(`'${found.name.identifier.text}' is not declared, so it cannot be renamed.`);
    return null;
  }
  const newName = String(params.newName ?? "").trim();
  if (!NAME.test(newName))
    refuse(
      `'${newName}' is not a valid name: a name starts with a letter or '_' and holds only letters, digits and '_'.`,
    );
  if (KEYWORD_SET.has(newName)) refuse(`'${newName}' is a word of the language and cannot be used as a name.`);
  if (newName === symbol.name) return { changes: {} };
  const programs = context.workspace.programsContaining(symbol.uri);
  for (const program of programs) {
    const clash = program.symbols.get(newName);
    if (clash) {
      const line = clash.declaration.name?.range.start.line ?? clash.declaration.range.start.line;
      refuse(
        `'${newName}' is already declared as a ${clash.kind} (${fileName(clash.uri)}, line ${line}); names must be unique.`,
      );
    }
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const occurrence of occurrences(programs, symbol)) {
    const edits = changes[occurrence.uri] ?? [];
    edits.push({ range: toLspRange(occurrence.range), newText: newName });
    changes[occurrence.uri] = edits;
  }
  return { changes };
}

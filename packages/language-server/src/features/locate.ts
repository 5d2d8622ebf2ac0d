/** The document and offset a request is about; undefined for a document the server cannot read. */
import type { CheckedProgram } from "@sla/language";
import type { Position } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { type NameAt, nameAt } from "../analysis/names.ts";
import type { TextView } from "../workspace/text.ts";
import { normalizeUri } from "../workspace/workspace.ts";

export interface Located {
  uri: string;
  view: TextView;
  offset: number;
}

export function locate(context: ServerContext, rawUri: string, position?: Position): Located | undefined {
  if (typeof rawUri !== "string") return undefined;
  const uri = normalizeUri(rawUri);
  const view = context.workspace.view(uri);
  if (!view) return undefined;
  return { uri, view, offset: position ? view.offsetAt(position) : 0 };
}

/** The name under the cursor, in the document's own up-to-date program. */
export function locateName(
  context: ServerContext,
  rawUri: string,
  position: Position,
): { located: Located; program: CheckedProgram; name: NameAt } | undefined {
  const located = locate(context, rawUri, position);
  if (!located) return undefined;
  const program = context.workspace.program(located.uri);
  const name = nameAt(program, located.uri, located.offset);
  return name ? { located, program, name } : undefined;
}

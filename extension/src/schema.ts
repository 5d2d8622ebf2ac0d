/**
 * The rule bundle's JSON Schema for VS Code's JSON support. Every bundle names its schema
 * `"$schema": "urn:sla-rules:1"`, a name rather than an address; VS Code asks for the content of
 * such a URI through `workspace.openTextDocument`, which this provider answers with the schema
 * shipped inside the extension (dist/sla-rules.schema.json, copied from @sla/bundle at build
 * time). `contributes.jsonValidation` covers `*.rules.json` files that do not name it.
 */
import { readFileSync } from "node:fs";
import * as vscode from "vscode";

export const BUNDLE_SCHEMA_URI = "urn:sla-rules:1";

export function registerBundleSchema(context: vscode.ExtensionContext): vscode.Disposable {
  const schemaPath = context.asAbsolutePath("dist/sla-rules.schema.json");
  let text: string | undefined;
  const schemaUri = vscode.Uri.parse(BUNDLE_SCHEMA_URI);
  return vscode.workspace.registerTextDocumentContentProvider(schemaUri.scheme, {
    provideTextDocumentContent(uri: vscode.Uri): string {
      if (uri.path !== schemaUri.path) throw new Error(`SLA: no schema is known as ${uri.toString(true)}`);
      text ??= readFileSync(schemaPath, "utf8");
      return text;
    },
  });
}

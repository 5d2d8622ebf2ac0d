/** `@sla/compiler`: a checked program → the rule bundle `sla-rules/1`, its JSON Schema, and the Markdown and Word contracts. */
// The bundle's format, types, schema, serialisation, escaping and money formatting live in
// @sla/bundle; they are exported here too, as they were before that package existed.
export type * from "@sla/bundle";
export {
  BUNDLE_FORMAT,
  BUNDLE_SCHEMA_ID,
  bundleSchema,
  escapeCell,
  escapeInline,
  escapeParagraphs,
  formatMoney,
  type JsonSchema,
  serializeBundle,
} from "@sla/bundle";
export { compileBundle, monthlyFee, MONTHLY_FEE_PLACES, type CompileOptions } from "./compile.ts";
export { renderContract } from "./render/contract.ts";
export { exportOpenSlo, OPENSLO_WINDOW } from "./export/openslo.ts";
export { exportPrometheus, periodRange } from "./export/prometheus.ts";
export {
  IMPORT_PLACEHOLDERS,
  importOpenSlo,
  OpenSloError,
  type OpenSloFile,
  type OpenSloImport,
} from "./export/openslo-import.ts";
export {
  ARTIFACT_KINDS,
  buildArtifactFiles,
  buildArtifacts,
  contractName,
  DEFAULT_ARTIFACT_KINDS,
  parseArtifactKinds,
  renderContractDocx,
  type Artifact,
  type ArtifactFilesResult,
  type ArtifactKind,
  type ArtifactsResult,
  type BinaryArtifact,
  type TextArtifactKind,
} from "./artifacts.ts";
export { contractDocument } from "./render/contract.ts";
export {
  type Change,
  type ChangeKind,
  changesJson,
  changesMarkdown,
  changesText,
  diffBundles,
  NO_CHANGES,
  type RedlineOptions,
  renderRedlineDocx,
} from "./diff/index.ts";

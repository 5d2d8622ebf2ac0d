/** `@sla/compiler`: a checked program → the rule bundle `sla-rules/1`, its JSON Schema, and the Markdown and Word contracts. */
export * from "./bundle-types.ts";
export { compileBundle, monthlyFee, MONTHLY_FEE_PLACES, type CompileOptions } from "./compile.ts";
export { serializeBundle } from "./serialize.ts";
export { renderContract } from "./render/contract.ts";
export { bundleSchema, type JsonSchema } from "./schema.ts";
export { escapeInline, escapeCell, escapeParagraphs } from "./render/escape.ts";
export { formatMoney } from "./render/format.ts";
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

/**
 * File access shared by the Node front ends (the CLI and the language server): contracts read as
 * text only, and outputs written atomically. The language core itself never touches the disk.
 */
export { errnoMessage, FileError } from "./errors.ts";
export { notAFile, readTextDescriptor, readTextFile } from "./read.ts";
export { type Output, writeFileAtomic, writeFilesAtomic } from "./write.ts";
export { normalizeUri, pathToUri, uriToPath } from "./uri.ts";

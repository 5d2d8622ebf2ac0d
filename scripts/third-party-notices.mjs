// The licence of every third-party package an esbuild bundle contains, with the licence text each
// package ships, from the bundle's metafile. esbuild's own linked legal comments (`*.LEGAL.txt`)
// only carry the comments a package marked as legal, and some packages mark none (Chevrotain,
// Apache-2.0, has none in the code we bundle), so a complete notice needs this list too.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/[^/]+|[^/]+))\//;
const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.[a-z]+)?$/i;

/**
 * Packages whose published build already contains other packages' code, which the metafile cannot
 * see: docx's dist inlines fflate (its zip writer) and nanoid.
 */
const INLINED = { docx: ["fflate", "nanoid"] };

/** The folder a package's dependency is installed in: its own node_modules first, then above it. */
function dependencyFolder(folder, name) {
  for (let dir = folder; ; ) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    const above = dir.lastIndexOf("node_modules/");
    if (above < 0) break;
    dir = dir.slice(0, above);
  }
  throw new Error(`${name}, inlined by a bundled package, is not installed beside ${folder}`);
}

/** The folders of the node_modules packages whose files went into the bundle, sorted by package name. */
export function bundledPackages(metafile) {
  const folders = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = PACKAGE_DIR.exec(input.replaceAll("\\", "/"));
    if (!match) continue;
    folders.add(match[1]);
    const name = match[1].slice(match[1].lastIndexOf("node_modules/") + "node_modules/".length);
    for (const inlined of INLINED[name] ?? []) folders.add(dependencyFolder(match[1], inlined));
  }
  return [...folders]
    .map((folder) => ({ folder, manifest: JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) }))
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** The notices text for a bundle; a bundled package without a licence file is an error, not a silent gap. */
export function thirdPartyNotices(bundleName, metafile) {
  const sections = bundledPackages(metafile).map(({ folder, manifest }) => {
    const files = readdirSync(folder)
      .filter((name) => LICENCE_FILE.test(name))
      .sort();
    if (files.length === 0) throw new Error(`${manifest.name} is bundled into ${bundleName} but ships no licence file`);
    const texts = files.map((name) => readFileSync(join(folder, name), "utf8").trim());
    const licence = typeof manifest.license === "string" ? manifest.license : "see the licence text";
    return [`${manifest.name} ${manifest.version} (${licence})`, "-".repeat(72), ...texts].join("\n\n");
  });
  const header =
    `${bundleName} bundles the following third-party packages. Each is used under the licence that follows ` +
    "its name; the licence texts are the packages' own.";
  return `${[header, ...sections].join(`\n\n${"=".repeat(72)}\n\n`)}\n`;
}

// The licence of every third-party package an esbuild bundle contains, with the licence text each
// package ships, from the bundle's metafile. esbuild's own linked legal comments (`*.LEGAL.txt`)
// only carry the comments a package marked as legal, and some packages mark none (Chevrotain,
// Apache-2.0, has none in the code we bundle), so a complete notice needs this list too.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/[^/]+|[^/]+))\//;
const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.[a-z]+)?$/i;

/** The folders of the node_modules packages whose files went into the bundle, sorted by package name. */
export function bundledPackages(metafile) {
  const folders = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = PACKAGE_DIR.exec(input.replaceAll("\\", "/"));
    if (match) folders.add(match[1]);
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

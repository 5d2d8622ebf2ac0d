// Renders images/icon.svg to images/icon.png (256×256, transparent corners) with headless Chromium.
// Usage: node extension/scripts/render-icon.mjs   (needs /usr/bin/chromium: apt-get install chromium)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const images = resolve(dirname(fileURLToPath(import.meta.url)), "..", "images");
const work = mkdtempSync(join(tmpdir(), "sla-icon-"));
const page = join(work, "icon.html");
writeFileSync(
  page,
  `<!DOCTYPE html><html><head><style>html,body{margin:0;background:transparent}img{display:block;width:256px;height:256px}</style></head>` +
    `<body><img src="${pathToFileURL(join(images, "icon.svg")).href}"></body></html>`,
);
const result = spawnSync(
  "/usr/bin/chromium",
  [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--default-background-color=00000000",
    "--window-size=256,256",
    `--user-data-dir=${join(work, "profile")}`,
    `--screenshot=${join(images, "icon.png")}`,
    pathToFileURL(page).href,
  ],
  { stdio: "inherit" },
);
rmSync(work, { recursive: true, force: true });
process.exit(result.status ?? 1);

// End-to-end test of the SLA extension in a real VS Code (code-server) driven by headless Chromium.
//
//   node test/e2e/run.mjs            (after `npm run package`, which builds extension/sla-vscode.vsix)
//
// It installs what it needs when missing (see setup.mjs), installs the .vsix into a fresh
// code-server (own user-data, extensions and XDG folders, no marketplace), opens an example and
// checks, by polling: the language mode, the colouring, a diagnostic in the Problems panel that
// appears for a broken line and goes when it is fixed, the downtime hover on a target, completion
// of declared names, the contract preview (also as the text changes) and the rule-bundle command;
// then the editor's own contributions: the .sla file icon, the status bar item (errors of the
// workspace, a click opens Problems, each code a link to its documentation), the code lenses
// (permitted downtime; Evaluate… and its report), JSON Schema validation of the built bundle, the
// walkthrough and its New Contract button.
// A screenshot of each step goes to test-results/e2e/. Every process it starts is stopped.
//
// Environment: SLA_E2E_CACHE (tool cache, default ~/.cache/sla-e2e), SLA_E2E_KEEP=1 (keep the run
// folder), SLA_E2E_SCREENSHOT=path (also save the hover step's screenshot there, for the README).

import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CODE_SERVER_VERSION, ensureTools } from "./setup.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const vsix = process.env.SLA_VSIX ? resolve(process.env.SLA_VSIX) : join(repoRoot, "extension", "sla-vscode.vsix");
const artifacts = join(repoRoot, "test-results", "e2e");
const fixture = join(here, "fixtures", "hosting.sla");
const eventsFixture = join(here, "fixtures", "outages-2026-03.ndjson");
const startedAt = Date.now();

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[e2e ${seconds(Date.now() - startedAt).padStart(7)}] ${message}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value; throws with the last value seen on timeout. */
async function poll(what, probe, { timeout = 60_000, interval = 250 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last && (typeof last !== "object" || last.ok !== false)) return last;
    } catch (error) {
      last = `error: ${error?.message ?? error}`;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${seconds(timeout)} waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 800)}`,
      );
    }
    await sleep(interval);
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

// ---------------------------------------------------------------- processes we started

let codeServer;
let browser;
function stopCodeServer() {
  if (!codeServer || codeServer.exitCode !== null || codeServer.signalCode !== null) return;
  try {
    process.kill(-codeServer.pid, "SIGTERM"); // the whole process group: the file watcher too
  } catch {}
}
process.on("exit", () => {
  if (codeServer && codeServer.exitCode === null) {
    try {
      process.kill(-codeServer.pid, "SIGKILL");
    } catch {}
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopCodeServer();
    process.exit(130);
  });
}

async function stopAll() {
  if (browser) await browser.close().catch(() => {});
  browser = undefined;
  if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
    const exited = new Promise((r) => codeServer.once("exit", r));
    stopCodeServer();
    const killed = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!killed) {
      try {
        process.kill(-codeServer.pid, "SIGKILL");
      } catch {}
      await exited;
    }
  }
  // Nothing of the group may outlive us.
  if (codeServer) {
    await poll(
      "code-server's process group to end",
      () => {
        try {
          process.kill(-codeServer.pid, 0);
          return false;
        } catch {
          return true;
        }
      },
      { timeout: 15_000 },
    ).catch(() => {
      try {
        process.kill(-codeServer.pid, "SIGKILL");
      } catch {}
    });
  }
}

// ---------------------------------------------------------------- the workbench

let page;
let shotNumber = 0;
async function screenshot(name) {
  shotNumber += 1;
  const file = join(artifacts, `${String(shotNumber).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

const EDITOR = ".editor-instance .monaco-editor";

async function focusEditor() {
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+1"); // focus the first editor group
}

/** Moves the cursor to the end of a line (1-based) with Go to Line. */
async function goToLineEnd(line) {
  await focusEditor();
  await page.keyboard.press("Control+g");
  await page.waitForSelector(".quick-input-widget:not([style*='display: none']) input", { timeout: 10_000 });
  await page.keyboard.type(String(line));
  await page.keyboard.press("Enter");
  await poll(`the cursor on line ${line}`, async () => {
    const text = await page
      .locator("#status\\.editor\\.selection")
      .textContent()
      .catch(() => "");
    return text?.includes(`Ln ${line},`) ? text : false;
  });
  await page.keyboard.press("End");
}

async function runCommand(title, { focus = true } = {}) {
  if (focus) await focusEditor();
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input").first();
  await input.waitFor({ state: "visible", timeout: 10_000 });
  await input.fill(`>${title}`);
  await poll(`'${title}' in the command palette`, async () => {
    const rows = await page.locator(".quick-input-list .monaco-list-row").allInnerTexts();
    return rows.some((r) => r.includes(title)) ? rows : false;
  });
  await page.keyboard.press("Enter");
}

/** The editor's rendered lines (Monaco renders spaces as no-break spaces). */
async function viewLines() {
  return (await page.locator(`${EDITOR} .view-line`).allInnerTexts()).map((l) => l.replace(/\u00a0/g, " "));
}

/** Closes the panel (Problems, Output, …) if it is open. */
async function closePanel() {
  const panel = page.locator("#workbench\\.parts\\.panel");
  if (!(await panel.isVisible())) return;
  await page.keyboard.press("Control+j");
  await poll("the panel to close", async () => !(await panel.isVisible()));
}

async function markerRows() {
  return page.locator(".markers-panel .monaco-list-row").allInnerTexts();
}

/** The text of the hover once it is shown and has faded in fully (for the screenshot), else "". */
async function visibleHoverText() {
  const hover = page.locator(".monaco-hover:not(.hidden)").first();
  if (!(await hover.isVisible().catch(() => false))) return "";
  const opacity = await hover.evaluate((el) => getComputedStyle(el).opacity).catch(() => "0");
  if (opacity !== "1") return "";
  // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, with its line breaks
  return (await hover.innerText({ timeout: 2000 }).catch(() => "")) || "";
}

/** Hovers over the first visible editor token matching `pattern` until a hover shows text matching `wanted`. */
async function hoverOver(pattern, wanted) {
  const token = page.locator(`${EDITOR} .view-line span span`, { hasText: pattern }).first();
  await token.waitFor({ timeout: 10_000 });
  return poll(
    `a hover matching ${wanted}`,
    async () => {
      const box = await token.boundingBox();
      if (!box) return false;
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const content = await visibleHoverText();
      return wanted.test(content) ? content : { ok: false, content };
    },
    { timeout: 60_000, interval: 1000 },
  );
}

/** Colours of the editor's visible tokens, by text. */
function tokenColours() {
  return page.evaluate((editorSelector) => {
    const editor = document.querySelector(editorSelector);
    const spans = [...editor.querySelectorAll(".view-line span span")];
    const colour = (span) => (span ? getComputedStyle(span).color : undefined);
    const text = (span) => span.textContent.replace(/\u00a0/g, " ");
    const find = (wanted) => spans.find((s) => text(s) === wanted);
    const plain = colour(editor.querySelector(".view-line .mtk1"));
    return {
      plain,
      declarationKeyword: colour(find("agreement")),
      propertyKeyword: colour(find("effective")),
      declaredName: colour(find("AcmeHosting")),
      string: colour(find('"Europe/London"')),
      date: colour(find("2026-01-01")),
      durationNumber: colour(find("24")),
      durationUnit: colour(find("months")),
      money: colour(find("12,000.00")),
      always: colour(find("24x7")),
      comment: colour(spans.find((s) => text(s).startsWith("// IANA name"))),
    };
  }, EDITOR);
}

/** The rendered text of the first webview (or other frame) whose text `accept`s, else false. */
async function frameText(accept) {
  for (const frame of page.frames()) {
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, with its line breaks
    const body = await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "");
    if (accept(body)) return body;
  }
  return false;
}

/** The SLA status bar item (found by its accessible label), or undefined. */
async function slaStatusItem() {
  const items = await page.locator(".statusbar-item").evaluateAll((elements) =>
    elements.map((e) => ({
      label: e.querySelector("[aria-label]")?.getAttribute("aria-label") ?? e.getAttribute("aria-label") ?? "",
      text: e.textContent ?? "",
    })),
  );
  return items.find((i) => i.label.startsWith("SLA language server"));
}

async function clickStatusItem() {
  await page
    .locator(".statusbar-item [aria-label^='SLA language server'], .statusbar-item[aria-label^='SLA language server']")
    .first()
    .click();
}

/** The background images of an element and its descendants' ::before (where file icons live). */
function iconImages(locator) {
  return locator.evaluate((root) =>
    [root, ...root.querySelectorAll("*")]
      .map((e) => getComputedStyle(e, "::before").backgroundImage)
      .filter((image) => image && image !== "none"),
  );
}

// ---------------------------------------------------------------- steps

const results = [];
async function step(name, body) {
  const t0 = Date.now();
  try {
    const detail = await body();
    const shot = await screenshot(name);
    results.push({ name, ok: true, ms: Date.now() - t0 });
    log(
      `PASS ${name} (${seconds(Date.now() - t0)})${detail ? ` — ${detail}` : ""} [${shot.slice(repoRoot.length + 1)}]`,
    );
  } catch (error) {
    results.push({ name, ok: false, ms: Date.now() - t0, error });
    log(`FAIL ${name} (${seconds(Date.now() - t0)}): ${error?.stack ?? error}`);
    if (page) await screenshot(`${name}-FAILED`).catch(() => {});
    throw error;
  }
}

async function main() {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });

  const tools = ensureTools();
  log(`tools ready: code-server ${CODE_SERVER_VERSION}, ${CHROMIUM}`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);

  // A fresh VS Code: its own user data, extensions, XDG folders and workspace.
  const run = mkdtempSync(join(tmpdir(), "sla-e2e-run-"));
  const userData = join(run, "user-data");
  const extensions = join(run, "extensions");
  const workspace = join(run, "workspace");
  for (const dir of [
    userData,
    join(userData, "User"),
    extensions,
    workspace,
    join(run, "xdg-config"),
    join(run, "xdg-data"),
  ]) {
    mkdirSync(dir, { recursive: true });
  }
  const port = await freePort();
  const config = join(run, "config.yaml");
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  writeFileSync(
    join(userData, "User", "settings.json"),
    JSON.stringify(
      {
        "workbench.startupEditor": "none",
        "workbench.colorTheme": "Default Dark Modern",
        "chat.disableAIFeatures": true,
        "workbench.secondarySideBar.defaultVisibility": "hidden",
        "workbench.tips.enabled": false,
        "editor.hover.delay": 150,
        "sla.format.onSave": true,
        "sla.build.formats": ["json", "md", "docx"],
        "sla.evaluation.eventsFile": "outages-2026-03.ndjson",
        "editor.minimap.enabled": false,
        "editor.quickSuggestions": { other: false, comments: false, strings: false },
        "files.autoSave": "off",
        "security.workspace.trust.enabled": false,
        "telemetry.telemetryLevel": "off",
        "update.mode": "none",
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
      },
      null,
      2,
    ),
  );
  const example = join(workspace, "hosting.sla");
  copyFileSync(fixture, example);
  copyFileSync(eventsFixture, join(workspace, "outages-2026-03.ndjson"));
  const exampleLines = readFileSync(example, "utf8").split("\n");
  const lineOf = (needle) => {
    const index = exampleLines.findIndex((l) => l.includes(needle));
    if (index < 0) throw new Error(`fixture has no line with ${needle}`);
    return index + 1;
  };

  const env = {
    ...tools.env,
    EXTENSIONS_GALLERY: "{}",
    XDG_CONFIG_HOME: join(run, "xdg-config"),
    XDG_DATA_HOME: join(run, "xdg-data"),
  };
  const common = ["--user-data-dir", userData, "--extensions-dir", extensions, "--config", config];
  const serverLog = join(run, "code-server.log");

  try {
    await step("install-extension", async () => {
      const installed = spawnSync(tools.codeServer, ["--install-extension", vsix, ...common], {
        env,
        encoding: "utf8",
      });
      if (installed.status !== 0) throw new Error(`install failed: ${installed.stdout}${installed.stderr}`);
      const listed = spawnSync(tools.codeServer, ["--list-extensions", "--show-versions", ...common], {
        env,
        encoding: "utf8",
      });
      if (!/sla-toolchain\.sla-vscode@/.test(listed.stdout))
        throw new Error(`not listed: ${listed.stdout}${listed.stderr}`);
      // Open the browser on a blank page so that this step has a screenshot too.
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      page = await context.newPage();
      await page.setContent(`<pre style="font: 16px monospace; padding: 2em">${listed.stdout.trim()}</pre>`);
      return listed.stdout.trim();
    });

    await step("workbench", async () => {
      const out = openSync(serverLog, "a");
      codeServer = spawn(
        tools.codeServer,
        [
          "--bind-addr",
          `127.0.0.1:${port}`,
          "--auth",
          "none",
          "--disable-telemetry",
          "--disable-update-check",
          "--disable-workspace-trust",
          "--disable-getting-started-override",
          "--ignore-last-opened",
          ...common,
          workspace,
        ],
        { env, detached: true, stdio: ["ignore", out, out] },
      );
      codeServer.on("exit", (code, signal) => log(`code-server exited (${code ?? signal})`));
      await poll(
        "code-server /healthz",
        async () => {
          if (codeServer.exitCode !== null) throw new Error(`code-server exited early; see ${serverLog}`);
          const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
          return response?.ok ? await response.text() : false;
        },
        { timeout: 90_000, interval: 500 },
      );
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
      await page.waitForSelector(".monaco-workbench", { timeout: 90_000 });
      await poll("the explorer to list hosting.sla", () => page.getByRole("treeitem", { name: "hosting.sla" }).count());
      return `port ${port}`;
    });

    await step("open-example", async () => {
      await page.keyboard.press("Control+p");
      const input = page.locator(".quick-input-widget input").first();
      await input.waitFor({ state: "visible", timeout: 15_000 });
      await input.fill("hosting.sla");
      await poll("hosting.sla in quick open", async () => {
        const rows = await page.locator(".quick-input-list .monaco-list-row").allInnerTexts();
        return rows.some((r) => r.includes("hosting.sla"));
      });
      await page.keyboard.press("Enter");
      await page.waitForSelector(`${EDITOR} .view-line`, { timeout: 30_000 });
      await poll("the agreement line in the editor", async () =>
        (await viewLines()).some((l) => l.includes("agreement AcmeHosting")),
      );
    });

    await step("language-mode", async () => {
      const mode = await poll("the language mode SLA", async () => {
        const text = (
          await page
            .locator("#status\\.editor\\.mode")
            .textContent()
            .catch(() => "")
        )?.trim();
        return text === "SLA" ? text : { ok: false, text };
      });
      return `status bar says ${mode}`;
    });

    await step("file-icon", async () => {
      // the language's icon (images/sla-file-*.svg) in the explorer and on the editor tab
      const row = page.getByRole("treeitem", { name: "hosting.sla" }).first();
      const tab = page.locator(".tab", { hasText: "hosting.sla" }).first();
      const images = await poll("the .sla icon in the explorer and on the tab", async () => {
        const inRow = await iconImages(row);
        const onTab = await iconImages(tab);
        const ours = (list) => list.some((image) => image.includes("sla-file-dark.svg"));
        return ours(inRow) && ours(onTab) ? inRow : { ok: false, inRow, onTab };
      });
      const icon = images.map((image) => /images(?:\/|%2F)(sla-file-[a-z]+\.svg)/.exec(image)?.[1]).find(Boolean);
      return `explorer and tab show images/${icon}`;
    });

    await step("colours", async () => {
      const colours = await poll(
        "keywords and literals coloured unlike plain text",
        async () => {
          const c = await tokenColours();
          const coloured = Object.entries(c).filter(([k]) => k !== "plain");
          const ok =
            c.plain &&
            coloured.every(([, v]) => v && v !== c.plain) &&
            new Set([c.declarationKeyword, c.string, c.comment, c.date]).size === 4;
          return { ok, ...c };
        },
        { timeout: 60_000 },
      );
      return Object.entries(colours)
        .filter(([k]) => k !== "ok")
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
    });

    const providerLine = lineOf("  provider Acme");
    await step("diagnostic-appears", async () => {
      await goToLineEnd(providerLine);
      await page.keyboard.type("x"); // provider Acmex: an unresolved reference
      await poll("a squiggle in the editor", () => page.locator(`${EDITOR} .squiggly-error`).count());
      await page.keyboard.press("Control+Shift+M");
      const rows = await poll("the Problems panel to report Acmex", async () => {
        const rows = await markerRows();
        return rows.some((r) => r.includes("Acmex")) ? rows : { ok: false, rows };
      });
      return rows.join(" | ").replace(/\s+/g, " ").slice(0, 200);
    });

    await step("diagnostic-fixed", async () => {
      await goToLineEnd(providerLine);
      await page.keyboard.press("Backspace");
      await poll(
        "the Problems panel to be clear of errors",
        async () => {
          const rows = await markerRows();
          const squiggles = await page.locator(`${EDITOR} .squiggly-error`).count();
          return !rows.some((r) => r.includes("Acmex")) && squiggles === 0 ? true : { ok: false, rows, squiggles };
        },
        { timeout: 30_000 },
      );
      const line = (await viewLines()).find((l) => l.includes("provider Acme"));
      return `line reads '${line?.trim()}'`;
    });

    await step("hover-downtime", async () => {
      const targetLine = lineOf("target at least 99.9%");
      await goToLineEnd(targetLine);
      await page.keyboard.press("Control+j"); // hide the panel: more room for the hover
      await poll("the panel to close", async () => !(await page.locator(".markers-panel").isVisible()));
      await focusEditor();
      const text = await hoverOver(/^99\.9%?$/, /allows this much downtime[\s\S]*\d+m/);
      return text.replace(/\s+/g, " ").slice(0, 200);
    });

    await step("completion", async () => {
      await page.mouse.move(5, 500);
      await goToLineEnd(lineOf("report Uptime, OutageLimits"));
      await page.keyboard.press("Home");
      await page.keyboard.press("End");
      // after `report Uptime, OutageLimits, … monthly within 5 business days` add another report line
      await page.keyboard.press("Enter");
      await page.keyboard.type("report ");
      await page.keyboard.press("Control+Space");
      const labels = await poll("completion of the declared objectives", async () => {
        const rows = await page.locator(".suggest-widget.visible .monaco-list-row").allInnerTexts();
        const labels = rows.map((r) => r.split("\n")[0].trim());
        return ["Uptime", "ApiSpeed", "Sev1Support"].every((n) => labels.some((l) => l.startsWith(n)))
          ? labels
          : { ok: false, rows };
      });
      return `offered ${labels.join(", ")}`;
    });

    await step("auto-closing", async () => {
      await page.keyboard.press("Escape"); // close the completion list
      await page.keyboard.press("End");
      await page.keyboard.press("Enter");
      // At a person's pace: VS Code decides on auto-closing from the line's tokens, which the
      // background tokenizer must have caught up with.
      await page.keyboard.type('text """', { delay: 150 });
      const line = await poll("the text block to be closed", async () => {
        const lines = await viewLines();
        const closed = lines.find((l) => l.trim() === 'text """"""');
        return closed ? closed.trim() : { ok: false, lines: lines.filter((l) => l.includes('"""')) };
      });
      await page.keyboard.press("Enter");
      return `typing text """ gives ${line}`;
    });

    await step("undo-edits", async () => {
      await focusEditor();
      // Undo, one step at a time, until the lines added by the last two steps are gone.
      const added = (lines) => lines.some((l) => l.trim() === "report" || l.trim().startsWith('text """"'));
      for (let i = 0; i < 20 && added(await viewLines()); i++) {
        await page.keyboard.press("Control+z");
        await sleep(100); // let the editor render the undo before looking again
      }
      await poll("the added lines to be gone, the rest intact and no error", async () => {
        const lines = await viewLines();
        const squiggles = await page.locator(`${EDITOR} .squiggly-error`).count();
        const intact = lines.some(
          (l) => l.trim() === "report Uptime, OutageLimits, Sev1Support, Sev2Support monthly within 5 business days",
        );
        return !added(lines) && intact && squiggles === 0 ? true : { ok: false, squiggles, intact };
      });
    });

    await step("contract-preview", async () => {
      await runCommand("SLA: Open Contract Preview");
      const text = await poll(
        "the contract in the preview",
        async () => {
          for (const frame of page.frames()) {
            // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, with its line breaks
            const body = await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "");
            if (body.includes("Managed Hosting Service Level Agreement") && body.includes("Acme Hosting Ltd."))
              return body;
          }
          return false;
        },
        { timeout: 60_000, interval: 500 },
      );
      return `${text.length} characters, starting '${text.trim().split("\n")[0]}'`;
    });

    await step("preview-follows-typing", async () => {
      // Rename the agreement's title in the editor: the preview follows without saving.
      const agreementLine = lineOf("agreement AcmeHosting");
      await goToLineEnd(agreementLine);
      for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft"); // before `" {`
      await page.keyboard.type(" Revised");
      const text = await poll(
        "the preview to show the new title",
        async () => {
          for (const frame of page.frames()) {
            // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, with its line breaks
            const body = await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "");
            if (body.includes("Service Level Agreement Revised")) return body;
          }
          return false;
        },
        { timeout: 30_000, interval: 500 },
      );
      // …and back again when the edit is undone.
      await page.keyboard.press("Control+z");
      await poll(
        "the preview to show the old title again",
        async () => {
          for (const frame of page.frames()) {
            // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, with its line breaks
            const body = await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "");
            if (body.includes("Managed Hosting Service Level Agreement") && !body.includes("Revised")) return true;
          }
          return false;
        },
        { timeout: 30_000, interval: 500 },
      );
      return `'${text.trim().split("\n")[0]}', then back after undo`;
    });

    await step("format-on-save", async () => {
      // sla.format.onSave is on (settings.json): a badly indented line is put right by saving.
      const versionLine = lineOf('version "2.1"');
      await goToLineEnd(versionLine);
      await page.keyboard.press("Home");
      await page.keyboard.type("      ");
      await poll("the extra indentation on screen", async () =>
        (await viewLines()).some((l) => l.startsWith('        version "2.1"')),
      );
      await page.keyboard.press("Control+s");
      await poll(
        "the saved file to be formatted",
        async () => {
          const lines = readFileSync(example, "utf8").split("\n");
          return lines[versionLine - 1] === '  version "2.1"' ? true : { ok: false, line: lines[versionLine - 1] };
        },
        { timeout: 30_000 },
      );
      await poll("the editor to show the formatted line, saved", async () => {
        const lines = await viewLines();
        const dirty = await page.locator(".tab.active.dirty").count();
        return lines.some((l) => l.startsWith('  version "2.1"')) && dirty === 0;
      });
      return "the line is back at two spaces and the tab is clean";
    });

    await step("build-rule-bundle", async () => {
      await focusEditor();
      await runCommand("SLA: Build Rule Bundle");
      const message = await poll(
        "the notification naming the written files",
        async () => {
          const toasts = await page.locator(".notifications-toasts .notification-list-item-message").allInnerTexts();
          return toasts.find((t) => t.includes("SLA: wrote")) ?? { ok: false, toasts };
        },
        { timeout: 60_000 },
      );
      const onDisk = spawnSync("ls", [workspace], { encoding: "utf8" }).stdout.trim().split("\n");
      // sla.build.formats (settings.json) asks for the Word contract too
      if (!["json", "md", "docx"].every((suffix) => onDisk.some((f) => f.endsWith(`.${suffix}`)))) {
        throw new Error(`bundle, Markdown and Word files not beside the example: ${onDisk.join(", ")}`);
      }
      return `'${message}' (on disk: ${onDisk.join(", ")})`;
    });
    await step("restart-server", async () => {
      await page.keyboard.press("Escape");
      await runCommand("SLA: Restart Language Server");
      await poll("the restart message in the status bar", async () => {
        const items = await page.locator(".statusbar-item").allInnerTexts();
        return items.some((t) => t.includes("SLA language server restarted"));
      });
      // The restarted server answers: break a name again and see the diagnostic, then undo.
      await goToLineEnd(providerLine);
      await page.keyboard.type("x");
      await poll("a squiggle from the restarted server", () => page.locator(`${EDITOR} .squiggly-error`).count());
      await page.keyboard.press("Backspace");
      await poll("no squiggle", async () => (await page.locator(`${EDITOR} .squiggly-error`).count()) === 0);
      return "the restarted server reports and clears a diagnostic";
    });

    await step("status-bar", async () => {
      await page.keyboard.press("Escape");
      const ready = await poll("the status bar item to say the server is ready with no errors", async () => {
        const item = await slaStatusItem();
        return item?.label.includes("ready — 0 errors") ? item : { ok: false, item };
      });
      // An error anywhere in the workspace is counted; a click on the item opens the Problems panel.
      await goToLineEnd(providerLine);
      await page.keyboard.type("x");
      const counting = await poll("the status bar item to count 1 error", async () => {
        const item = await slaStatusItem();
        return item?.text.includes("1 error") ? item : { ok: false, item };
      });
      await closePanel(); // so that the click is what opens it
      await clickStatusItem();
      const rows = await poll("the Problems panel, opened by the click", async () => {
        const rows = await markerRows();
        return rows.some((r) => r.includes("Acmex")) ? rows : { ok: false, rows };
      });
      return `'${ready.text.trim()}' then '${counting.text.trim()}'; Problems: ${rows[rows.length - 1].replace(/\s+/g, " ").slice(0, 80)}`;
    });

    await step("diagnostic-documentation-link", async () => {
      // the diagnostic's code is a link to its section of docs/diagnostics.md (codeDescription)
      const link = await poll("the code SLA2002 as a link in the Problems panel", async () => {
        const links = await page.locator(".markers-panel .monaco-list-row a").evaluateAll((anchors) =>
          anchors.map((a) => ({
            text: a.textContent ?? "",
            href: a.getAttribute("href") ?? "",
            title: a.title ?? "",
          })),
        );
        const found = links.find((l) => l.text.includes("SLA2002"));
        const target = `${found?.href} ${found?.title}`;
        return found && /docs\/diagnostics\.md#sla2002-unknown-name/.test(target) ? found : { ok: false, links };
      });
      const hover = await hoverOver(/^Acmex$/, /SLA2002/);
      // …and in the hover, the code is a link too
      const hoverLinks = await page
        .locator(".monaco-hover:not(.hidden) a")
        .evaluateAll((anchors) => anchors.map((a) => `${a.textContent} ${a.getAttribute("href") ?? ""} ${a.title}`));
      if (!hoverLinks.some((l) => l.includes("SLA2002") && l.includes("diagnostics.md#sla2002-unknown-name"))) {
        throw new Error(`no documentation link in the hover: ${JSON.stringify(hoverLinks)}`);
      }
      await page.mouse.move(5, 500);
      await goToLineEnd(providerLine);
      await page.keyboard.press("Backspace");
      await poll("no squiggle", async () => (await page.locator(`${EDITOR} .squiggly-error`).count()) === 0);
      return `${link.text} → ${link.href || link.title}; hover: ${hover.split("\n")[0]}`;
    });

    await step("code-lens", async () => {
      await closePanel();
      await goToLineEnd(lineOf("objective Uptime"));
      const lenses = await poll("the code lenses above the objectives", async () => {
        const texts = await page.locator(`${EDITOR} .codelens-decoration`).allInnerTexts();
        const permitted = texts.find((t) => t.includes("Permitted downtime: about 43m 12s per 30-day month"));
        return permitted && texts.some((t) => t.includes("Evaluate…")) ? texts : { ok: false, texts };
      });
      return lenses.find((t) => t.includes("Permitted"))?.replace(/\s+/g, " ");
    });

    await step("evaluate-report", async () => {
      // Evaluate… asks for the month and shows the service report of outages-2026-03.ndjson
      await page.locator(`${EDITOR} .codelens-decoration a`, { hasText: "Evaluate…" }).first().click();
      const input = page.locator(".quick-input-widget input").first();
      await input.waitFor({ state: "visible", timeout: 15_000 });
      await input.fill("2026-03");
      await page.keyboard.press("Enter");
      const report = await poll(
        "the service report beside the editor",
        () => frameText((body) => body.includes("Service report: Managed Hosting") && body.includes("Uptime")),
        { timeout: 60_000, interval: 500 },
      );
      const uptime = report.split("\n").find((l) => l.startsWith("Uptime")) ?? "";
      return `${report.split("\n")[0]}; ${uptime.replace(/\s+/g, " ")}`;
    });

    await step("bundle-schema", async () => {
      // The bundle built above names "$schema": "urn:sla-rules:1"; the extension answers for it.
      await focusEditor(); // the first group, where hosting.sla is
      // from the explorer: quick open's file index may predate the file
      await page.getByRole("treeitem", { name: "hosting.rules.json" }).first().click();
      await poll("the bundle in the editor", async () => (await viewLines()).some((l) => l.includes('"format"')));
      // A field the schema does not allow, typed after the opening brace.
      await goToLineEnd(1);
      await page.keyboard.press("Enter");
      await page.keyboard.type('"colour": "blue",', { delay: 50 });
      await page.keyboard.press("Control+Shift+M");
      const rows = await poll(
        "the schema's complaint about the field, and nothing about loading the schema",
        async () => {
          const rows = await markerRows();
          const schemaError = rows.find((r) => r.includes("colour") && /not allowed/i.test(r));
          const loading = rows.filter(
            (r) => /Unable to load schema|untrusted|schema/i.test(r) && !r.includes("colour"),
          );
          return schemaError && loading.length === 0 ? rows : { ok: false, rows };
        },
        { timeout: 60_000 },
      );
      const all = (await markerRows()).join(" ");
      if (/Unable to load schema|untrusted/i.test(all)) throw new Error(`schema not loaded: ${all}`);
      const row = rows.find((r) => r.includes("colour")) ?? "";
      await screenshot("bundle-schema-error");
      await runCommand("View: Revert and Close Editor");
      await poll("the bundle's editor to close", async () => !(await viewLines()).some((l) => l.includes('"format"')));
      await closePanel();
      return row.replace(/\s+/g, " ").slice(0, 120);
    });

    await step("overview", async () => {
      // The editor with a hover and the preview beside it: the README's screenshot.
      await page.keyboard.press("Escape");
      const toasts = page.locator(".notifications-toasts .notification-list-item");
      for (let i = 0; i < 5 && (await toasts.count()) > 0; i++) {
        await toasts.first().hover();
        await page
          .locator(".notifications-toasts .codicon-notifications-clear")
          .first()
          .click()
          .catch(() => {});
      }
      await focusEditor();
      await page.keyboard.press("Control+b"); // hide the side bar: room for editor and preview
      await poll(
        "the side bar to close",
        async () => !(await page.locator("#workbench\\.parts\\.sidebar").isVisible()),
      );
      await runCommand("SLA: Open Contract Preview"); // the preview, not the report, beside the editor
      await poll("the contract in the preview", () => frameText((body) => body.includes("Acme Hosting Ltd.")), {
        timeout: 30_000,
        interval: 500,
      });
      await goToLineEnd(lineOf("target at least 99.9%"));
      await page.keyboard.press("Home");
      const text = await hoverOver(/^99\.9%?$/, /allows this much downtime/);
      if (process.env.SLA_E2E_SCREENSHOT) {
        await page.screenshot({ path: resolve(process.env.SLA_E2E_SCREENSHOT) });
        return `also saved as ${process.env.SLA_E2E_SCREENSHOT}`;
      }
      return text.split("\n")[0];
    });

    await step("walkthrough", async () => {
      await page.keyboard.press("Escape");
      await runCommand("Welcome: Open Walkthrough...");
      const input = page.locator(".quick-input-widget input").first();
      await input.waitFor({ state: "visible", timeout: 15_000 });
      await input.fill("SLA contracts");
      await poll("the SLA walkthrough in the list", async () => {
        const rows = await page.locator(".quick-input-list .monaco-list-row").allInnerTexts();
        return rows.some((r) => r.includes("Get started with SLA contracts")) ? rows : { ok: false, rows };
      });
      await page.keyboard.press("Enter");
      const steps = ["Create a contract", "Check it as you type", "Read it as a contract", "Build the rule bundle"];
      await poll("the walkthrough's steps", async () => {
        const container = page.locator(".gettingStartedContainer").first();
        // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, with its line breaks
        const text = (await container.innerText({ timeout: 2000 }).catch(() => "")) || "";
        const shown = text.includes("Get started with SLA contracts") && steps.every((s) => text.includes(s));
        return shown && text.includes("New Contract") ? text : { ok: false, text };
      });
      return `Get started with SLA contracts: ${steps.join(" → ")}`;
    });

    await step("walkthrough-new-contract", async () => {
      // the first step's button: SLA: New Contract asks for a name and writes sla init's contract
      await page
        .locator(".gettingStartedContainer a.monaco-button:visible", { hasText: "New Contract" })
        .first()
        .click();
      const input = page.locator(".quick-input-widget input").first();
      await poll(
        "the new contract's name asked for",
        async () => {
          if (await input.isVisible()) return true;
          const toasts = await page.locator(".notifications-toasts .notification-list-item-message").allInnerTexts();
          const button = await page
            .locator(".gettingStartedContainer a.monaco-button:visible", { hasText: "New Contract" })
            .evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 300)));
          return { ok: false, toasts, button };
        },
        { timeout: 15_000 },
      );
      const offered = await input.inputValue();
      await page.keyboard.press("Enter");
      const created = join(workspace, offered);
      await poll(`${offered} on disk and in the editor`, async () => {
        if (!existsSync(created)) return false;
        return (await viewLines()).some((l) => l.includes("A starter service level agreement"));
      });
      const lenses = await poll("the code lens on the new contract's objective", async () => {
        const texts = await page.locator(`${EDITOR} .codelens-decoration`).allInnerTexts();
        return texts.some((t) => t.includes("Permitted downtime")) ? texts : { ok: false, texts };
      });
      const item = await slaStatusItem();
      return `${offered}: ${lenses[0].replace(/\s+/g, " ")}; status bar '${item?.text.trim()}'`;
    });
  } finally {
    await stopAll();
    if (existsSync(serverLog)) copyFileSync(serverLog, join(artifacts, "code-server.log"));
    if (process.env.SLA_E2E_KEEP) log(`kept ${run}`);
    else rmSync(run, { recursive: true, force: true });
  }
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  if (!results.some((r) => !r.ok)) log(`ERROR ${error?.stack ?? error}`);
}
const passed = results.filter((r) => r.ok).length;
const failedSteps = results.filter((r) => !r.ok).length + (failed && !results.some((r) => !r.ok) ? 1 : 0);
log(`finished in ${seconds(Date.now() - startedAt)}; screenshots in ${artifacts.slice(repoRoot.length + 1)}/`);
console.log(`e2e: ${passed} passed, ${failedSteps} failed`);
process.exit(failed ? 1 : 0);

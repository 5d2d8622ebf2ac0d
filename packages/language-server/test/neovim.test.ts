/**
 * Neovim's built-in LSP client against the bundled server, headless. Needs `nvim` on PATH (Debian:
 * `apt-get install -y neovim`); skipped, saying so, without it. Uses `vim.lsp.start` (0.8+) when
 * there is one, else `vim.lsp.start_client` + `buf_attach_client` (0.7, Debian 12's).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServerBundle } from "./bundle-helper.ts";
import { HOSTING, temporaryFolder } from "./harness.ts";

const version = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const nvim = version.status === 0 ? /NVIM v(\d+)\.(\d+)/.exec(version.stdout) : null;
const usable = nvim !== null && (Number(nvim[1]) > 0 || Number(nvim[2]) >= 7);
if (!usable) console.warn("neovim.test.ts skipped: no nvim ≥ 0.7 on PATH (Debian/Ubuntu: apt-get install -y neovim)");

const SCRIPT = `
local server, file, out = _G.SLA_SERVER, _G.SLA_FILE, _G.SLA_OUT
local result = {}
vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, { pattern = "*.sla", command = "setfiletype sla" })
local config = { name = "sla", cmd = { _G.SLA_NODE, server, "--stdio" }, root_dir = vim.fn.fnamemodify(file, ":p:h") }
vim.api.nvim_create_autocmd("FileType", {
  pattern = "sla",
  callback = function(args)
    if vim.lsp.start then
      vim.lsp.start(config)
    else
      vim.lsp.buf_attach_client(args.buf, vim.lsp.start_client(config))
    end
  end,
})
vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
result.filetype = vim.bo[buf].filetype
vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
result.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { code = d.code, lnum = d.lnum, col = d.col })
end
local uri = vim.uri_from_bufnr(buf)
local line = vim.fn.search("ApiLatncy") - 1
local completion = vim.lsp.buf_request_sync(buf, "textDocument/completion",
  { textDocument = { uri = uri }, position = { line = line, character = 9 } }, 10000) or {}
result.completion = {}
for _, r in pairs(completion) do
  for _, item in ipairs((r.result or {}).items or {}) do table.insert(result.completion, item.label) end
end
local target = vim.fn.search("99.9% per calendar month") - 1
local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover",
  { textDocument = { uri = uri }, position = { line = target, character = 19 } }, 10000) or {}
for _, r in pairs(hover) do
  if r.result then result.hover = r.result.contents.value end
end
local f = io.open(out, "w")
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd("qa!")
`;

let bundle: Awaited<ReturnType<typeof buildServerBundle>>;
let folder: ReturnType<typeof temporaryFolder>;
beforeAll(async () => {
  if (!usable) return;
  bundle = await buildServerBundle();
  folder = temporaryFolder();
}, 60_000);
afterAll(() => {
  bundle?.remove();
  folder?.remove();
});

describe.skipIf(!usable)("Neovim's LSP client", () => {
  it("detects *.sla, attaches, shows diagnostics, completes and hovers", () => {
    const file = join(folder.path, "hosting.sla");
    writeFileSync(file, HOSTING.replace("metric ApiLatency\n  target", "metric ApiLatncy\n  target"));
    const script = join(folder.path, "test.lua");
    writeFileSync(script, SCRIPT);
    const out = join(folder.path, "out.json");
    const globals = `lua _G.SLA_NODE=${JSON.stringify(process.execPath)}; _G.SLA_SERVER=${JSON.stringify(bundle.file)}; _G.SLA_FILE=${JSON.stringify(file)}; _G.SLA_OUT=${JSON.stringify(out)}`;
    const run = spawnSync(
      "nvim",
      ["--headless", "--clean", "-n", "--cmd", globals, "-c", `luafile ${script.replace(/ /g, "\\ ")}`],
      {
        encoding: "utf8",
        timeout: 45_000,
        cwd: folder.path,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, "utf8"));
    expect(result.filetype).toBe("sla");
    expect(result.diagnostics).toEqual([{ code: "SLA2002", lnum: 65, col: 9 }]);
    expect(result.completion.sort()).toEqual(["ApiLatency", "Availability"]);
    expect(result.hover).toContain("| 30-day month | 43m 12s |");
  }, 60_000);
});

// Builds the Excel add-in into dist/addin/ (what a web server hosts for Excel):
//   taskpane.html + taskpane.js   the task pane; in the shared runtime also the ribbon's function file
//   commands.html + commands.js   the ribbon commands alone (function file for a manifest without the shared runtime)
//   message.html + message.js     the dialog a command opens to show an error when no task pane is open
//   help.html + help.js           the help page (manifest SupportUrl / GetStarted)
//   chunks/                       code shared by those pages and the lazily loaded readers (exceljs, docx, pdfjs)
//   taskpane.css, assets/*.png    the look and the icons (drawn by addin/tools/make-icons.mjs)
//   manifest.xml                  a copy of the manifest; ADDIN_BASE_URL=https://host/path/ rewrites its URLs
// Bundles are ES modules (esbuild, code splitting, ES2020: the core's plan id uses BigInt), which Excel on the web,
// on Mac and on Windows with WebView2 (Microsoft 365, Office 2021+) run.
// Usage: `npm run build` (or `node scripts/build-addin.mjs`), or `import { buildAddin }` from a test.
import { build } from "esbuild";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The base URL the manifest is written with (the dev server's). */
export const DEV_BASE_URL = "https://localhost:3000/";

const PAGES = [
  ["addin/taskpane/taskpane.html", "taskpane.html"],
  ["addin/commands/commands.html", "commands.html"],
  ["addin/dialog/message.html", "message.html"],
  ["addin/dialog/help.html", "help.html"],
  ["addin/taskpane/taskpane.css", "taskpane.css"],
];

/**
 * Builds the add-in. `outDir` defaults to dist/addin; `baseUrl` (default $ADDIN_BASE_URL, else the dev URL) is
 * where it will be served; `minify` defaults to true.
 */
export async function buildAddin({ outDir = path.join(ROOT, "dist/addin"), baseUrl = process.env.ADDIN_BASE_URL || DEV_BASE_URL, minify = true } = {}) {
  if (!/^https:\/\/[^\s"<>]+\/$/.test(baseUrl)) {
    throw new Error(`ADDIN_BASE_URL must be an https URL ending in "/", got "${baseUrl}"`);
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, "assets"), { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      taskpane: "addin/taskpane/index.ts",
      commands: "addin/commands/index.ts",
      message: "addin/dialog/message.ts",
      help: "addin/dialog/help.ts",
    },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    chunkNames: "chunks/[name]-[hash]",
    minify,
    sourcemap: true,
    legalComments: "linked",
    metafile: true,
    logLevel: "warning",
    // Libraries read process.env.NODE_ENV to drop development code.
    define: { "process.env.NODE_ENV": '"production"' },
  });
  for (const [from, to] of PAGES) await copyFile(path.join(ROOT, from), path.join(outDir, to));
  for (const f of await readdir(path.join(ROOT, "addin/assets"))) {
    if (f.endsWith(".png")) await copyFile(path.join(ROOT, "addin/assets", f), path.join(outDir, "assets", f));
  }
  const manifest = await readFile(path.join(ROOT, "manifest.xml"), "utf8");
  await writeFile(path.join(outDir, "manifest.xml"), manifest.split(DEV_BASE_URL).join(baseUrl).split(DEV_BASE_URL.slice(0, -1)).join(baseUrl.slice(0, -1)));
  return { outDir, metafile: result.metafile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildAddin();
}

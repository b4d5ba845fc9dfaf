// Builds the offline web app into dist/web/ (what an officer opens from disk or a province puts on any static host):
//   index.html        the page (web/index.html)
//   app.js            everything else, ONE classic script (IIFE): pages opened from file:// cannot load ES modules,
//                     and a single file needs no chunk loading; readers (exceljs, docx, pdfjs) are inside
//   app.css           the task pane's style sheet followed by the web app's own
//   assets/*.png      the icons the page shows
// No source map, no request outside this folder (the page's Content-Security-Policy forbids any connection).
// Usage: `npm run build` (or `node scripts/build-web.mjs`), or `import { buildWeb }` from a test.
import { build } from "esbuild";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ICONS = ["app-16.png", "app-32.png", "app-80.png", "check-16.png"];

/** Builds the web app into `outDir` (default dist/web). */
export async function buildWeb({ outDir = path.join(ROOT, "dist/web"), minify = true } = {}) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, "assets"), { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ["web/main.ts"],
    outfile: path.join(outDir, "app.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify,
    legalComments: "eof",
    metafile: true,
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  await copyFile(path.join(ROOT, "web/index.html"), path.join(outDir, "index.html"));
  const css = await Promise.all(["addin/taskpane/taskpane.css", "web/web.css"].map((f) => readFile(path.join(ROOT, f), "utf8")));
  await writeFile(path.join(outDir, "app.css"), css.join("\n"));
  for (const f of ICONS) await copyFile(path.join(ROOT, "addin/assets", f), path.join(outDir, "assets", f));
  return { outDir, metafile: result.metafile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildWeb();
}

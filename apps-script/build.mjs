// Builds the Apps Script project into apps-script/dist/ (what `clasp push` uploads, see .claspignore):
//   Code.js          the TypeScript sources bundled by esbuild into one IIFE assigned to a single global (`CCHC`),
//                    with no import/export/require, followed by one top-level `function name(...args)` per export of
//                    src/index.ts — Apps Script only sees top-level function declarations as menu handlers, triggers
//                    and google.script.run targets.
//   appsscript.json  the manifest, copied.
//   *.html           the dialogs, with {{key}} placeholders filled (HTML-escaped) from shared/messages/sheets.ts and
//                    {{json:key}} with a JSON literal safe inside <script>, so their text lives in the messages module.
// Usage: `node apps-script/build.mjs` (part of `npm run build`), or import { buildAppsScript } from a test.
import { build } from "esbuild";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Name of the one global the bundle defines; the footer forwards every export to it. */
export const BUNDLE_GLOBAL = "CCHC";
/** Apps Script's V8 runs ES2020 (the core's plan id needs BigInt); newer syntax is lowered. */
const TARGET = "es2020";

/**
 * Modules that cannot run in Apps Script and that no Apps Script command reaches: replaced by a stub that throws if
 * ever loaded, so the bundle does not carry them (pdfjs needs workers and timers; PDF plans are read by the CLI).
 */
const stubNodeOnly = {
  name: "stub-node-only",
  setup(b) {
    b.onResolve({ filter: /^(pdfjs-dist|exceljs|mammoth)(\/|$)/ }, (args) => ({ path: args.path, namespace: "gas-stub" }));
    b.onLoad({ filter: /.*/, namespace: "gas-stub" }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not available in Apps Script`)});`,
      loader: "js",
    }));
  },
};

const common = {
  entryPoints: [path.join(HERE, "src/index.ts")],
  bundle: true,
  platform: "browser",
  target: TARGET,
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
  // Whitespace and syntax only: identifiers stay readable in Stackdriver stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [stubNodeOnly],
  // Apps Script has no `process`; libraries that peek at NODE_ENV get a constant.
  define: { "process.env.NODE_ENV": '"production"' },
  write: false,
};

/** Names exported by src/index.ts, read from an ES-module build's metafile (the IIFE build does not list them). */
async function exportNames() {
  const result = await build({ ...common, format: "esm", metafile: true, outdir: path.join(HERE, ".esm-probe") });
  const outputs = Object.values(result.metafile.outputs).filter((o) => o.entryPoint);
  const names = outputs.flatMap((o) => o.exports);
  return [...new Set(names)].sort();
}

/** The footer: one top-level function per export that forwards its arguments to the bundle. */
function footer(names) {
  const lines = names.map(
    (name) => `function ${name}(...args) {\n  return ${BUNDLE_GLOBAL}.${name}(...args);\n}`,
  );
  return `\n// Apps Script globals: each forwards to the bundle (apps-script/src/index.ts).\n${lines.join("\n")}\n`;
}

/**
 * Loads the bundle into an empty V8 context (no Apps Script services, no Node globals) and checks that every export
 * is a function: loading must not touch a service (Apps Script runs every file's top level on every call).
 */
function checkLoads(code, names) {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: "Code.js" });
  const bundle = context[BUNDLE_GLOBAL];
  for (const name of names) {
    if (typeof bundle?.[name] !== "function") throw new Error(`apps-script: export "${name}" is not a function`);
    if (typeof context[name] !== "function") throw new Error(`apps-script: no global function "${name}"`);
  }
}

/** Loads the dialog messages from shared/messages/sheets.ts (bundled on the fly: this script is plain Node). */
async function dialogTexts() {
  const result = await build({
    entryPoints: [path.join(HERE, "../shared/messages/sheets.ts")],
    bundle: true,
    platform: "neutral",
    format: "esm",
    write: false,
    logLevel: "warning",
  });
  const source = result.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
  return mod.sheetsMessages.dialogs;
}

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
/** JSON that cannot close a <script> element or start an HTML comment. */
const scriptJson = (v) =>
  JSON.stringify(v).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

function lookup(texts, key, file) {
  let v = texts;
  for (const part of key.split(".")) v = v?.[part];
  if (v === undefined) throw new Error(`apps-script: ${file}: no message "${key}" in sheetsMessages.dialogs`);
  return v;
}

/** Fills {{key}} and {{json:key}} placeholders of a dialog. */
export function fillTemplate(html, texts, file) {
  return html.replace(/\{\{(json:)?([\w.]+)\}\}/g, (_, json, key) => {
    const v = lookup(texts, key, file);
    return json ? scriptJson(v) : escapeHtml(v);
  });
}

/**
 * The export dialog's browser bundle (renders .docx in the browser): minified, as a classic script, with "</script"
 * escaped so that it can sit inside a <script> element.
 */
async function clientDocxBundle() {
  const result = await build({
    entryPoints: [path.join(HERE, "src/client/docx-entry.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2019",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    charset: "utf8",
    write: false,
    plugins: [stubNodeOnly],
  });
  return result.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1");
}

/** Builds apps-script/dist (or `outDir`); returns the output paths and the exported global names. */
export async function buildAppsScript({ outDir = path.join(HERE, "dist") } = {}) {
  const names = await exportNames();
  if (names.length === 0) throw new Error("apps-script: src/index.ts exports nothing");
  const result = await build({ ...common, format: "iife", globalName: BUNDLE_GLOBAL });
  const code = `${result.outputFiles[0].text}${footer(names)}`;
  checkLoads(code, names);

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const written = [];
  const write = async (name, content) => {
    const file = path.join(outDir, name);
    await writeFile(file, content);
    written.push(file);
  };
  await write("Code.js", code);
  await write("appsscript.json", await readFile(path.join(HERE, "appsscript.json"), "utf8"));
  const texts = await dialogTexts();
  const htmlDir = path.join(HERE, "src/dialogs");
  const filled = new Map();
  for (const name of (await readdir(htmlDir)).filter((n) => n.endsWith(".html")).sort()) {
    filled.set(name, fillTemplate(await readFile(path.join(htmlDir, name), "utf8"), texts, name));
    await write(name, filled.get(name));
  }
  // The export dialog is the period dialog plus the browser bundle that writes .docx files.
  const docx = await clientDocxBundle();
  await write("export.html", filled.get("period.html").replace("</body>", () => `<script>${docx}</script>\n</body>`));
  return { outDir, files: written, exports: names };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { files, exports } = await buildAppsScript();
  process.stdout.write(`apps-script: ${files.length} files, ${exports.length} globals → ${path.relative(process.cwd(), path.dirname(files[0]))}\n`);
}

/**
 * The Apps Script build: a bundle that loads as plain Apps Script (no modules), one forwarding global per export,
 * the manifest's least-privilege scopes, the clasp allow-list (checked with clasp itself), and dialogs whose texts
 * come from the messages module and whose server calls are globals.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBundle } from "./fakes/host.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
let outDir = "";
let exportsList: string[] = [];
let code = "";
beforeAll(async () => {
  ({ outDir, exports: exportsList } = await buildBundle("gas-build"));
  code = await readFile(path.join(outDir, "Code.js"), "utf8");
}, 120_000);

describe("the bundle", () => {
  it("has no import, export or require statement", () => {
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(code).not.toMatch(/(^|[;{}\s])(import|export)\s*[{*"'\w]/);
    expect(code).not.toMatch(/\brequire\s*\(\s*["'`]/);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it("defines one global (the bundle) plus one forwarding function per export", () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    // Besides the bundle and the forwarders: the TextDecoder/TextEncoder polyfills and zod's global registry.
    const globals = Object.keys(context).filter((k) => !k.startsWith("__zod_")).sort();
    expect(globals).toEqual(["CCHC", "TextDecoder", "TextEncoder", ...exportsList].sort());
    for (const name of exportsList) {
      expect(code).toContain(`function ${name}(...args) {\n  return CCHC.${name}(...args);\n}`);
    }
    expect(exportsList).toContain("onOpen");
  });

  it("forwards arguments and return values to the bundle", () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const calls: unknown[][] = [];
    (context as { CCHC: Record<string, unknown> }).CCHC = { onOpen: (...a: unknown[]) => (calls.push(a), "ok") };
    expect(vm.runInContext("onOpen(1, 'a')", context)).toBe("ok");
    expect(calls).toEqual([[1, "a"]]);
  });

  it("exports exactly what src/index.ts exports, all functions", async () => {
    const src = await readFile(path.join(ROOT, "apps-script/src/index.ts"), "utf8");
    const declared = [...src.matchAll(/^export\s+(?:const|let|var|class|function)\s+(\w+)/gm)].map((m) => m[1]!).sort();
    expect(declared).toEqual([...exportsList].sort());
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of exportsList) expect(typeof (context as Record<string, unknown>)[name]).toBe("function");
  });
});

describe("appsscript.json", () => {
  it("pins the zone, the runtime, logging and least-privilege scopes", async () => {
    const manifest = JSON.parse(await readFile(path.join(outDir, "appsscript.json"), "utf8"));
    expect(manifest).toMatchObject({ timeZone: "Asia/Ho_Chi_Minh", runtimeVersion: "V8", exceptionLogging: "STACKDRIVER" });
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        "https://www.googleapis.com/auth/spreadsheets.currentonly",
        "https://www.googleapis.com/auth/script.container.ui",
        "https://www.googleapis.com/auth/script.scriptapp",
        "https://www.googleapis.com/auth/drive.readonly",
      ].sort(),
    );
    // No scope that writes Drive, reads every spreadsheet, or reaches other services.
    expect(manifest.oauthScopes.join(" ")).not.toMatch(/auth\/(drive|spreadsheets|script\.external_request)(\s|$)/);
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: "Sheets", serviceId: "sheets", version: "v4" }]);
  });
});

describe("clasp files", () => {
  it("the example .clasp.json points clasp at the built folder", async () => {
    const example = JSON.parse(await readFile(path.join(ROOT, ".clasp.json.example"), "utf8"));
    expect(example).toEqual({ scriptId: expect.any(String), rootDir: "apps-script/dist" });
  });

  it(".claspignore is an allow-list: clasp itself would push only the bundle, the manifest and the dialogs", async () => {
    expect((await readFile(path.join(ROOT, ".claspignore"), "utf8")).trim().split("\n")).toEqual([
      "**/**",
      "!Code.js",
      "!appsscript.json",
      "!*.html",
    ]);
    const project = path.join(ROOT, "test/.tmp/clasp-project");
    await rm(project, { recursive: true, force: true });
    await mkdir(path.join(project, "apps-script/dist/sub"), { recursive: true });
    await cp(outDir, path.join(project, "apps-script/dist"), { recursive: true });
    await writeFile(path.join(project, "apps-script/dist/notes.txt"), "x");
    await writeFile(path.join(project, "apps-script/dist/sub/extra.js"), "function extra() {}");
    await writeFile(path.join(project, "apps-script/dist/extra.json"), "{}");
    await cp(path.join(ROOT, ".claspignore"), path.join(project, ".claspignore"));
    await cp(path.join(ROOT, ".clasp.json.example"), path.join(project, ".clasp.json"));
    const clasp = path.join(ROOT, "node_modules/@google/clasp/build/src/index.js");
    const { stdout } = await promisify(execFile)(process.execPath, [clasp, "status", "--json"], {
      cwd: project,
      env: { ...process.env, HOME: project, CLASP_CONFIG_AUTH: path.join(project, "no-auth.json") },
      timeout: 60_000,
    });
    const status = JSON.parse(stdout.trim().split("\n").pop()!) as { filesToPush: string[] };
    expect(status.filesToPush.sort()).toEqual(
      ["Code.js", "appsscript.json", "create.html", "export.html", "period.html"].map((f) => `apps-script/dist/${f}`).sort(),
    );
  }, 90_000);

  it("package.json has the build and push scripts", async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.scripts["gas:build"]).toBe("node apps-script/build.mjs");
    expect(pkg.scripts["gas:push"]).toBe("clasp push");
    expect(pkg.scripts.build).toContain("apps-script/build.mjs");
  });
});

describe("dialogs", () => {
  it("have every placeholder filled and call only global functions of the bundle", async () => {
    const htmlFiles = (await readdir(outDir)).filter((f) => f.endsWith(".html"));
    expect(htmlFiles.sort()).toEqual(["create.html", "export.html", "period.html"]);
    for (const f of htmlFiles) {
      const html = await readFile(path.join(outDir, f), "utf8");
      expect(html).not.toMatch(/\{\{(json:)?[\w.]+\}\}/);
      expect(html).toMatch(/lang="vi"/);
      const called = [...html.matchAll(/\.(cchc\w+)\(/g)].map((m) => m[1]!);
      expect(called.length).toBeGreaterThan(0);
      for (const name of called) expect(exportsList).toContain(name);
      // The scripts parse, and nothing inside them closes the <script> element early.
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      for (const script of scripts) expect(() => new vm.Script(script)).not.toThrow();
      expect(scripts.join("").length).toBeGreaterThan(html.length / (f === "export.html" ? 2 : 10));
    }
  });

  it("escape message text into HTML and JSON safely", async () => {
    const { fillTemplate } = (await import(path.join(ROOT, "apps-script/build.mjs"))) as {
      fillTemplate: (html: string, texts: unknown, file: string) => string;
    };
    const texts = { a: { b: `<b>"&'</b>`, c: "</script><!--" } };
    expect(fillTemplate("<p>{{a.b}}</p>", texts, "x")).toBe("<p>&lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;</p>");
    const json = fillTemplate("<script>var T = {{json:a}};</script>", texts, "x");
    expect(json).not.toContain("</script><!--");
    expect(JSON.parse(json.slice("<script>var T = ".length, -";</script>".length))).toEqual(texts.a);
    expect(() => fillTemplate("{{a.missing}}", texts, "x")).toThrow(/missing/);
  });
});

/**
 * A fake Apps Script host: builds the bundle (once per output folder), loads apps-script/dist/Code.js into a fresh
 * `node:vm` context whose only globals are the fakes — no Node APIs, no TextDecoder, no timers, as in Apps Script —
 * and lets a test call global functions, fire due triggers and read the call counts.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import vm from "node:vm";
import { CallLog } from "./calls.js";
import { FakeClock, INSTALL_FAKE_DATE } from "./clock.js";
import { DriveWorld, FakeDriveApp, FakeSheetsApi, MIME } from "./drive.js";
import {
  FakeConsole,
  FakeHtmlService,
  FakeLockService,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeUtilities,
} from "./services.js";
import { FakeSpreadsheetApp, SheetsWorld } from "./spreadsheet.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const builds = new Map<string, Promise<{ outDir: string; exports: string[] }>>();

/** Builds the Apps Script project into test/.tmp/<name> (once per name per test process). */
export function buildBundle(name = "apps-script-dist"): Promise<{ outDir: string; exports: string[] }> {
  let p = builds.get(name);
  if (!p) {
    const outDir = path.join(ROOT, "test/.tmp", name);
    p = import(path.join(ROOT, "apps-script/build.mjs")).then((m: { buildAppsScript: (o: { outDir: string }) => Promise<{ exports: string[] }> }) =>
      m.buildAppsScript({ outDir }).then((r) => ({ outDir, exports: r.exports })),
    );
    builds.set(name, p);
  }
  return p;
}

/** Options of a fake host. */
export interface HostOptions {
  /** Enable the Sheets advanced service (as appsscript.json does). Default true. */
  sheetsService?: boolean;
}

/** One Apps Script "project" bound to one fake spreadsheet. */
export interface FakeHost {
  log: CallLog;
  clock: FakeClock;
  sheets: SheetsWorld;
  drive: DriveWorld;
  properties: FakePropertiesService;
  scriptApp: FakeScriptApp;
  lock: FakeLockService;
  console: FakeConsole;
  context: vm.Context;
  /** Calls a global function of the script, as a menu item, trigger or google.script.run would. */
  call(name: string, ...args: unknown[]): unknown;
  /** Names of the global functions the script defines. */
  globals(): string[];
  /** Advances the clock to the next live trigger and runs its handler (deleting nothing: that is the script's job). */
  fireNextTrigger(): string | null;
}

/** Loads a built bundle into a fresh context with fresh fakes. */
export async function createHost(outDir: string, opts: HostOptions = {}): Promise<FakeHost> {
  const code = await readFile(path.join(outDir, "Code.js"), "utf8");
  const html = new Map<string, string>();
  for (const f of (await readdir(outDir)).filter((n) => n.endsWith(".html"))) {
    html.set(f.replace(/\.html$/, ""), await readFile(path.join(outDir, f), "utf8"));
  }
  const log = new CallLog();
  const clock = new FakeClock();
  const sheets = new SheetsWorld(log, clock);
  const drive = new DriveWorld(log, clock);
  const properties = new FakePropertiesService(log);
  const scriptApp = new FakeScriptApp(log, clock);
  const lock = new FakeLockService(log, clock);
  const fakeConsole = new FakeConsole();
  const globals: Record<string, unknown> = {
    SpreadsheetApp: new FakeSpreadsheetApp(sheets).api,
    DriveApp: new FakeDriveApp(drive).api,
    MimeType: MIME,
    PropertiesService: properties.api,
    ScriptApp: scriptApp.api,
    LockService: lock.api,
    HtmlService: new FakeHtmlService(log, html).api,
    Utilities: new FakeUtilities(log, clock).api,
    Session: new FakeSession(log).api,
    Logger: { log: fakeConsole.log },
    console: fakeConsole,
    __clock: clock,
  };
  if (opts.sheetsService !== false) globals.Sheets = new FakeSheetsApi(drive);
  const provided = new Set(Object.keys(globals));
  const context = vm.createContext(globals);
  vm.runInContext(INSTALL_FAKE_DATE, context);
  vm.runInContext(code, context, { filename: "Code.js" });
  const host: FakeHost = {
    log,
    clock,
    sheets,
    drive,
    properties,
    scriptApp,
    lock,
    console: fakeConsole,
    context,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== "function") throw new Error(`No global function ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
    globals() {
      return Object.keys(context).filter((k) => typeof (context as Record<string, unknown>)[k] === "function" && !provided.has(k));
    },
    fireNextTrigger() {
      const next = scriptApp.live().filter((t) => !t.fired).sort((a, b) => a.at - b.at)[0];
      if (!next) return null;
      if (next.at > clock.now()) clock.ms = next.at;
      next.fired = true;
      host.call(next.handler, { triggerUid: next.id, authMode: "FULL" });
      return next.handler;
    },
  };
  return host;
}

/**
 * The smaller Apps Script services as in-memory fakes: PropertiesService (with its size limits), ScriptApp (time-driven
 * triggers the test fires by advancing the clock), LockService, HtmlService (the built dialog files), Utilities,
 * Session, Logger and console.
 */
import { CallLog, counted } from "./calls.js";
import type { FakeClock } from "./clock.js";
import { zoneOffset } from "./spreadsheet.js";

/** Apps Script's limits: 9 KB per value, 500 KB per property store. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

class FakeProperties {
  readonly api: FakeProperties;
  readonly data = new Map<string, string>();
  constructor(log: CallLog, cls: string) {
    this.api = counted(this, cls, log);
  }
  private check(key: string, value: string) {
    if (key.length + value.length > PROPERTY_VALUE_LIMIT) throw new Error("Argument too large: value");
    let total = key.length + value.length;
    for (const [k, v] of this.data) if (k !== key) total += k.length + v.length;
    if (total > PROPERTY_STORE_LIMIT) throw new Error("You have exceeded the property storage quota.");
  }
  getProperty(key: string) {
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    const v = String(value);
    this.check(key, v);
    this.data.set(key, v);
    return this.api;
  }
  setProperties(props: Record<string, string>) {
    for (const [k, v] of Object.entries(props)) this.setProperty(k, v);
    return this.api;
  }
  deleteProperty(key: string) {
    this.data.delete(key);
    return this.api;
  }
  getProperties() {
    return Object.fromEntries(this.data);
  }
  getKeys() {
    return [...this.data.keys()];
  }
  deleteAllProperties() {
    this.data.clear();
    return this.api;
  }
}

/** PropertiesService with document, script and user stores. */
export class FakePropertiesService {
  readonly api: FakePropertiesService;
  readonly document: FakeProperties;
  readonly script: FakeProperties;
  readonly user: FakeProperties;
  constructor(log: CallLog) {
    this.api = counted(this, "PropertiesService", log);
    this.document = new FakeProperties(log, "Properties");
    this.script = new FakeProperties(log, "Properties");
    this.user = new FakeProperties(log, "Properties");
  }
  getDocumentProperties() {
    return this.document.api;
  }
  getScriptProperties() {
    return this.script.api;
  }
  getUserProperties() {
    return this.user.api;
  }
}

/** A time-driven trigger. */
export interface FakeTrigger {
  id: string;
  handler: string;
  at: number;
  deleted: boolean;
  fired: boolean;
}

class FakeTriggerApi {
  readonly api: FakeTriggerApi;
  constructor(
    readonly t: FakeTrigger,
    log: CallLog,
  ) {
    this.api = counted(this, "Trigger", log);
  }
  getUniqueId() {
    return this.t.id;
  }
  getHandlerFunction() {
    return this.t.handler;
  }
  getEventType() {
    return "CLOCK";
  }
  getTriggerSource() {
    return "CLOCK";
  }
}

/** ScriptApp: triggers only. */
export class FakeScriptApp {
  readonly api: FakeScriptApp;
  readonly AuthMode = { NONE: "NONE", LIMITED: "LIMITED", FULL: "FULL", CUSTOM_FUNCTION: "CUSTOM_FUNCTION" };
  readonly EventType = { CLOCK: "CLOCK", ON_OPEN: "ON_OPEN", ON_EDIT: "ON_EDIT" };
  readonly TriggerSource = { CLOCK: "CLOCK", SPREADSHEETS: "SPREADSHEETS" };
  triggers: FakeTrigger[] = [];
  private seq = 0;
  constructor(
    readonly log: CallLog,
    readonly clock: FakeClock,
  ) {
    this.api = counted(this, "ScriptApp", log);
  }
  /** Triggers that exist (not deleted). */
  live(): FakeTrigger[] {
    return this.triggers.filter((t) => !t.deleted);
  }
  newTrigger(handler: string) {
    const log = this.log;
    const self = this;
    let after: number | null = null;
    const clockBuilder = counted(
      {
        after(ms: number) {
          after = ms;
          return clockBuilder;
        },
        create() {
          if (after === null) throw new Error("Trigger time not set");
          const t: FakeTrigger = { id: `trigger-${++self.seq}`, handler, at: self.clock.now() + after, deleted: false, fired: false };
          self.triggers.push(t);
          return new FakeTriggerApi(t, log).api;
        },
      },
      "ClockTriggerBuilder",
      log,
    );
    return counted({ timeBased: () => clockBuilder }, "TriggerBuilder", log);
  }
  getProjectTriggers() {
    return this.live().map((t) => new FakeTriggerApi(t, this.log).api);
  }
  deleteTrigger(trigger: FakeTriggerApi) {
    const id = trigger.getUniqueId();
    const t = this.triggers.find((x) => x.id === id && !x.deleted);
    if (!t) throw new Error("Trigger not found");
    t.deleted = true;
  }
  getOAuthToken() {
    return "fake-token";
  }
}

/** LockService: one lock per store; `heldByOther` simulates a concurrent execution. */
export class FakeLockService {
  readonly api: FakeLockService;
  heldByOther = false;
  held = false;
  constructor(
    readonly log: CallLog,
    readonly clock: FakeClock,
  ) {
    this.api = counted(this, "LockService", log);
  }
  private lock() {
    const self = this;
    return counted(
      {
        tryLock(ms: number) {
          if (self.heldByOther) {
            self.clock.advance(ms);
            return false;
          }
          self.held = true;
          return true;
        },
        waitLock(ms: number) {
          if (self.heldByOther) {
            self.clock.advance(ms);
            throw new Error("Lock timeout: another process was holding the lock for too long.");
          }
          self.held = true;
        },
        releaseLock() {
          self.held = false;
        },
        hasLock() {
          return self.held;
        },
      },
      "Lock",
      this.log,
    );
  }
  getDocumentLock() {
    return this.lock();
  }
  getScriptLock() {
    return this.lock();
  }
  getUserLock() {
    return this.lock();
  }
}

/** HtmlService over the built dialog files. */
export class FakeHtmlService {
  readonly api: FakeHtmlService;
  readonly SandboxMode = { IFRAME: "IFRAME" };
  readonly XFrameOptionsMode = { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" };
  constructor(
    readonly log: CallLog,
    readonly files: Map<string, string>,
  ) {
    this.api = counted(this, "HtmlService", log);
  }
  private output(html: string) {
    let content = html;
    let title = "";
    const out = counted(
      {
        setWidth: () => out,
        setHeight: () => out,
        setTitle: (t: string) => ((title = t), out),
        setSandboxMode: () => out,
        append: (more: string) => ((content += more), out),
        getContent: () => content,
        _content: () => content,
        get _title() {
          return title;
        },
      },
      "HtmlOutput",
      this.log,
    );
    return out;
  }
  createHtmlOutputFromFile(name: string) {
    const html = this.files.get(name.replace(/\.html$/, ""));
    if (html === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return this.output(html);
  }
  createHtmlOutput(html = "") {
    return this.output(html);
  }
}

function pad(n: number, w = 2) {
  return String(n).padStart(w, "0");
}

/** Utilities: base64, blobs, dates, sleep. */
export class FakeUtilities {
  readonly api: FakeUtilities;
  readonly Charset = { UTF_8: "UTF_8", US_ASCII: "US_ASCII" };
  readonly DigestAlgorithm = { SHA_256: "SHA_256", MD5: "MD5", SHA_1: "SHA_1" };
  constructor(
    readonly log: CallLog,
    readonly clock: FakeClock,
  ) {
    this.api = counted(this, "Utilities", log);
  }
  private bytesOf(data: unknown): Uint8Array {
    if (typeof data === "string") return new TextEncoder().encode(data);
    return Uint8Array.from(data as number[], (b) => b & 255);
  }
  base64Encode(data: unknown) {
    return Buffer.from(this.bytesOf(data)).toString("base64");
  }
  base64Decode(s: string) {
    return Array.from(Buffer.from(s, "base64"), (b) => (b > 127 ? b - 256 : b));
  }
  newBlob(data: unknown, contentType = "application/octet-stream", name = "") {
    const bytes = this.bytesOf(data ?? []);
    let blobName = name;
    const blob = counted(
      {
        getBytes: () => Array.from(bytes, (b) => (b > 127 ? b - 256 : b)),
        getDataAsString: () => new TextDecoder().decode(bytes),
        getName: () => blobName,
        setName: (n: string) => ((blobName = n), blob),
        getContentType: () => contentType,
      },
      "Blob",
      this.log,
    );
    return blob;
  }
  formatDate(date: Date, tz: string, format: string) {
    const t = date.getTime();
    const off = zoneOffset(tz, t);
    const d = new Date(t + off);
    const sign = off < 0 ? "-" : "+";
    const abs = Math.abs(off) / 60_000;
    const tokens: Record<string, string> = {
      yyyy: String(d.getUTCFullYear()),
      MM: pad(d.getUTCMonth() + 1),
      dd: pad(d.getUTCDate()),
      HH: pad(d.getUTCHours()),
      mm: pad(d.getUTCMinutes()),
      ss: pad(d.getUTCSeconds()),
      Z: `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`,
    };
    return format.replace(/yyyy|MM|dd|HH|mm|ss|Z/g, (k) => tokens[k]!);
  }
  sleep(ms: number) {
    this.clock.advance(ms);
  }
}

/** Session: time zone and users. */
export class FakeSession {
  readonly api: FakeSession;
  constructor(
    log: CallLog,
    readonly timeZone = "Asia/Ho_Chi_Minh",
  ) {
    this.api = counted(this, "Session", log);
  }
  getScriptTimeZone() {
    return this.timeZone;
  }
  getActiveUser() {
    return { getEmail: () => "chuyenvien@example.org" };
  }
  getEffectiveUser() {
    return { getEmail: () => "chuyenvien@example.org" };
  }
  getActiveUserLocale() {
    return "vi";
  }
}

/** console / Logger: collected, never printed. */
export class FakeConsole {
  lines: string[] = [];
  log = (...a: unknown[]) => void this.lines.push(a.map(String).join(" "));
  info = this.log;
  warn = this.log;
  error = this.log;
}

/**
 * An in-memory Drive (DriveApp, MimeType) and the Sheets advanced service (Sheets.Spreadsheets.get) over it: folders
 * of files that are either bytes (.xlsx) or fake spreadsheets. Reading costs simulated time on the fake clock, so a
 * big folder does not fit in one 6-minute run.
 */
import { CallLog, counted } from "./calls.js";
import type { FakeClock } from "./clock.js";
import type { FakeSpreadsheet } from "./spreadsheet.js";

/** MIME types used by the merge. */
export const MIME = {
  GOOGLE_SHEETS: "application/vnd.google-apps.spreadsheet",
  MICROSOFT_EXCEL: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  MICROSOFT_EXCEL_LEGACY: "application/vnd.ms-excel",
  PLAIN_TEXT: "text/plain",
  CSV: "text/csv",
  PDF: "application/pdf",
  GOOGLE_DOCS: "application/vnd.google-apps.document",
  FOLDER: "application/vnd.google-apps.folder",
} as const;

/** A stored file. */
export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  modified: Date;
  bytes?: Uint8Array;
  spreadsheet?: FakeSpreadsheet;
  folderId: string;
}

/** Simulated time each operation takes (ms). */
export interface DriveCosts {
  listNext: number;
  readBlob: number;
  readSheet: number;
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Folders and files, plus the simulated costs. */
export class DriveWorld {
  folders = new Map<string, { id: string; name: string }>();
  files: DriveFile[] = [];
  reads: string[] = [];
  costs: DriveCosts = { listNext: 200, readBlob: 8_000, readSheet: 12_000 };
  constructor(
    readonly log: CallLog,
    readonly clock: FakeClock,
  ) {}
  addFolder(id: string, name: string): void {
    this.folders.set(id, { id, name });
  }
  addFile(file: Omit<DriveFile, "modified"> & { modified?: Date }): void {
    this.files.push({ modified: new Date(Date.UTC(2026, 2, 20)), ...file });
  }
  inFolder(folderId: string, query?: string): DriveFile[] {
    const mimes = query ? [...query.matchAll(/mimeType\s*=\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!) : null;
    return this.files.filter((f) => f.folderId === folderId && (!mimes || mimes.includes(f.mimeType)));
  }
}

class FakeBlob {
  readonly api: FakeBlob;
  constructor(
    readonly bytes: Uint8Array,
    readonly name: string,
    readonly contentType: string,
    log: CallLog,
  ) {
    this.api = counted(this, "Blob", log);
  }
  /** Apps Script returns Java bytes: numbers from -128 to 127. */
  getBytes() {
    return Array.from(this.bytes, (b) => (b > 127 ? b - 256 : b));
  }
  getDataAsString() {
    return new TextDecoder().decode(this.bytes);
  }
  getName() {
    return this.name;
  }
  getContentType() {
    return this.contentType;
  }
}

class FakeFile {
  readonly api: FakeFile;
  constructor(
    readonly drive: DriveWorld,
    readonly file: DriveFile,
  ) {
    this.api = counted(this, "File", drive.log);
  }
  getId() {
    return this.file.id;
  }
  getName() {
    return this.file.name;
  }
  getMimeType() {
    return this.file.mimeType;
  }
  getLastUpdated() {
    return new Date(this.file.modified.getTime());
  }
  getSize() {
    return this.file.bytes?.length ?? 0;
  }
  getBlob() {
    if (!this.file.bytes) throw new Error("Converting from application/vnd.google-apps.spreadsheet to application/pdf is not supported here");
    this.drive.clock.advance(this.drive.costs.readBlob);
    this.drive.reads.push(this.file.id);
    return new FakeBlob(this.file.bytes, this.file.name, this.file.mimeType, this.drive.log).api;
  }
}

class FakeFileIterator {
  readonly api: FakeFileIterator;
  constructor(
    readonly drive: DriveWorld,
    readonly folderId: string,
    readonly query: string,
    public pos: number,
  ) {
    this.api = counted(this, "FileIterator", drive.log);
  }
  private list() {
    return this.drive.inFolder(this.folderId, this.query || undefined);
  }
  hasNext() {
    return this.pos < this.list().length;
  }
  next() {
    const f = this.list()[this.pos];
    if (!f) throw new Error("No more files");
    this.pos++;
    this.drive.clock.advance(this.drive.costs.listNext);
    return new FakeFile(this.drive, f).api;
  }
  getContinuationToken() {
    return Buffer.from(JSON.stringify([this.folderId, this.query, this.pos])).toString("base64");
  }
}

class FakeFolder {
  readonly api: FakeFolder;
  constructor(
    readonly drive: DriveWorld,
    readonly id: string,
    readonly name: string,
  ) {
    this.api = counted(this, "Folder", drive.log);
  }
  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  getFiles() {
    return new FakeFileIterator(this.drive, this.id, "", 0).api;
  }
  searchFiles(query: string) {
    return new FakeFileIterator(this.drive, this.id, query, 0).api;
  }
}

/** The DriveApp global. */
export class FakeDriveApp {
  readonly api: FakeDriveApp;
  constructor(readonly drive: DriveWorld) {
    this.api = counted(this, "DriveApp", drive.log);
  }
  getFolderById(id: string) {
    const f = this.drive.folders.get(id);
    if (!f) throw new Error("No item with the given ID could be found, or you do not have permission to access it.");
    return new FakeFolder(this.drive, f.id, f.name).api;
  }
  getFileById(id: string) {
    const f = this.drive.files.find((x) => x.id === id);
    if (!f) throw new Error("No item with the given ID could be found, or you do not have permission to access it.");
    return new FakeFile(this.drive, f).api;
  }
  continueFileIterator(token: string) {
    const [folderId, query, pos] = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as [string, string, number];
    return new FakeFileIterator(this.drive, folderId, query, pos).api;
  }
}

const isDateFormat = (fmt: string | null) => !!fmt && (/[dy]/i.test(fmt) || /mm/i.test(fmt)) && !/general/i.test(fmt);

/** The Sheets advanced service: only Spreadsheets.get with grid data, answered from the fake spreadsheets in Drive. */
export class FakeSheetsApi {
  readonly Spreadsheets: { get: (id: string, params?: Record<string, unknown>) => unknown };
  constructor(readonly drive: DriveWorld) {
    const spreadsheets = {
      get: (id: string, params: Record<string, unknown> = {}) => {
        const f = drive.files.find((x) => x.id === id && x.spreadsheet);
        if (!f) throw new Error(`Requested entity was not found. (${id})`);
        drive.clock.advance(drive.costs.readSheet);
        drive.reads.push(id);
        const ss = f.spreadsheet!;
        if (!params.includeGridData) {
          return { properties: { title: ss.name }, sheets: ss.sheets.map((s) => ({ properties: { title: s.name, hidden: s.hidden } })) };
        }
        return {
          properties: { title: ss.name },
          sheets: ss.sheets.map((s) => ({
            properties: { title: s.name, hidden: s.hidden },
            data: [
              {
                startRow: 0,
                startColumn: 0,
                rowData: s.cells.map((row) => ({
                  values: (row ?? []).map((cell) => {
                    if (!cell) return {};
                    const out: Record<string, unknown> = {};
                    if (typeof cell.value === "number") out.effectiveValue = { numberValue: cell.value };
                    else if (typeof cell.value === "string") out.effectiveValue = { stringValue: cell.value };
                    else if (typeof cell.value === "boolean") out.effectiveValue = { boolValue: cell.value };
                    if (cell.formula) out.userEnteredValue = { formulaValue: cell.formula };
                    if (isDateFormat(cell.numberFormat)) out.effectiveFormat = { numberFormat: { type: "DATE" } };
                    return out;
                  }),
                })),
              },
            ],
          })),
        };
      },
    };
    this.Spreadsheets = counted(spreadsheets, "Sheets.Spreadsheets", drive.log);
  }
}

/** The serial number of a UTC date, for building fake sheet cells. */
export function serialOf(d: Date): number {
  return (d.getTime() - SERIAL_EPOCH_MS) / DAY_MS;
}

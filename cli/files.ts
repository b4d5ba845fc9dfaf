/**
 * Reading a command's input file and writing its output file, with the Vietnamese messages every command shows.
 * Inputs are stat'ed before they are read (a 1 GB file is refused without reading it, a FIFO is never opened);
 * outputs are written to a temporary file next to them and renamed, so a killed run leaves the previous file whole,
 * and the temporary files of a run are removed on failure and on SIGINT/SIGTERM (cli/run.ts interrupt).
 */
import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { UnusableInputError } from "../shared/errors.js";
import { commonMessages as C } from "../shared/messages/index.js";

/** Largest input any command reads (the .xlsx reader's own limit is the same; plans are far smaller). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
const MB = 1024 * 1024;

/** Temporary files of outputs being written by this process. */
const temps = new Set<string>();

/** The temporary name an output is written under: hidden, marked as cchc's, in the output's folder (same disk). */
export function tempNameFor(file: string): string {
  const dir = path.dirname(path.resolve(file));
  return path.join(dir, `.${path.basename(file)}.cchc-${process.pid}-${randomBytes(3).toString("hex")}.tmp`);
}

/** Whether a file name is one of cchc's temporary files (a merge never takes one for an input). */
export function isTempName(name: string): boolean {
  return /^\..+\.cchc-\d+-[0-9a-f]+\.tmp$/.test(name) || /\.\d+\.tmp$/.test(name);
}

/** Removes the temporary files this process has not renamed yet (after a failure). */
export async function removeTempFiles(): Promise<void> {
  await Promise.all([...temps].map((t) => unlink(t).catch(() => undefined)));
  temps.clear();
}

/** removeTempFiles for a signal handler, which cannot wait. */
export function removeTempFilesSync(): void {
  for (const t of temps) {
    try {
      unlinkSync(t);
    } catch {
      // Already gone.
    }
  }
  temps.clear();
}

function readError(file: string, error: unknown, directoryMessage: (file: string) => string): UnusableInputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return new UnusableInputError(C.fileNotFound(file), { file }, error, "fileNotFound");
  if (code === "ELOOP") return new UnusableInputError(C.fileNotFound(file), { file }, error, "fileNotFound");
  if (code === "EISDIR") return new UnusableInputError(directoryMessage(file), { file }, error, "isDirectory");
  const reason = code === "EACCES" || code === "EPERM" ? C.readReasonNoPermission : (error as Error).message;
  return new UnusableInputError(C.cannotRead(file, reason), { file }, error, "cannotRead");
}

/**
 * Reads a file for a command, turning file-system errors into Vietnamese UnusableInputErrors (exit 2): not found,
 * a directory (`directoryMessage` lets a command name what it expected), not a regular file, larger than
 * `maxBytes` (checked on the size before reading, and again while reading: a file may grow), or unreadable.
 */
export async function readInputFile(
  file: string,
  directoryMessage: (file: string) => string = C.isDirectory,
  maxBytes = MAX_INPUT_BYTES,
  display = file,
): Promise<Uint8Array> {
  return readAs(file, display, directoryMessage, maxBytes);
}

async function readAs(path: string, file: string, directoryMessage: (file: string) => string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path).catch((error: unknown) => {
    throw readError(file, error, directoryMessage);
  });
  if (info.isDirectory()) throw new UnusableInputError(directoryMessage(file), { file }, undefined, "isDirectory");
  if (!info.isFile()) throw new UnusableInputError(C.notRegularFile(file), { file }, undefined, "notRegularFile");
  if (info.size > maxBytes) throw new UnusableInputError(C.inputTooLarge(file, Math.round(maxBytes / MB)), { file }, undefined, "tooLarge");
  try {
    return await readBounded(path, file, maxBytes);
  } catch (error) {
    if (error instanceof UnusableInputError) throw error;
    throw readError(file, error, directoryMessage);
  }
}

/** Reads at most `maxBytes` (+1 to notice a file that grew past the limit after stat). */
async function readBounded(path: string, file: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buf = new Uint8Array(Math.min(4 * MB, maxBytes + 1 - total) || 1);
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new UnusableInputError(C.inputTooLarge(file, Math.round(maxBytes / MB)), { file }, undefined, "tooLarge");
    }
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } finally {
    await handle.close();
  }
}

/**
 * Writes an output file, creating its parent folders, through a temporary name so that an interrupted run never
 * leaves half a file; a failure removes the temporary file and is an UnusableInputError naming the file (never the
 * temporary name).
 */
export async function writeOutputFile(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = tempNameFor(file);
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    temps.add(tmp);
    const handle = await open(tmp, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync().catch(() => undefined);
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    temps.delete(tmp);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    temps.delete(tmp);
    throw new UnusableInputError(C.cannotWrite(file, writeReason(error)), { file }, error, "cannotWrite");
  }
}

/** A Vietnamese reason for a failed write: Node's own text ("EISDIR: illegal operation…") is English. */
function writeReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "EISDIR":
      return C.writeReasonIsDirectory;
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return C.writeReasonNoPermission;
    case "EBUSY":
      return C.writeReasonBusy;
    case "ENOSPC":
      return C.writeReasonNoSpace;
    case "ENOTDIR":
    case "EEXIST":
      return C.writeReasonNotDirectory;
    case "ENOENT":
      return C.writeReasonNoFolder;
    default:
      return (error as Error).message;
  }
}

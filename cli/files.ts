/** Reading a command's input file and writing its output file, with the Vietnamese messages every command shows. */
import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { UnusableInputError } from "../shared/errors.js";
import { commonMessages as C } from "../shared/messages/index.js";

/**
 * Reads a file for a command, turning file-system errors into Vietnamese UnusableInputErrors (exit 2): not found,
 * a directory (`directoryMessage` lets a command name what it expected), or unreadable. The bytes are a view of
 * the buffer read, not a copy.
 */
export async function readInputFile(file: string, directoryMessage: (file: string) => string = C.isDirectory): Promise<Uint8Array> {
  try {
    const b = await readFile(file);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UnusableInputError(C.fileNotFound(file), {}, error);
    if (code === "EISDIR") throw new UnusableInputError(directoryMessage(file), {}, error);
    const reason = code === "EACCES" || code === "EPERM" ? C.readReasonNoPermission : (error as Error).message;
    throw new UnusableInputError(C.cannotRead(file, reason), {}, error);
  }
}

/**
 * Writes an output file, creating its parent folders, through a temporary name so that an interrupted run never
 * leaves half a file; a failure is an UnusableInputError naming the file.
 */
export async function writeOutputFile(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw new UnusableInputError(C.cannotWrite(file, writeReason(error)), {}, error);
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
    default:
      return (error as Error).message;
  }
}

/**
 * Files dropped on the page, folders included: a dropped folder is walked (FileSystemDirectoryEntry, read in the
 * batches the browser hands out) and each file keeps its path inside the folder as its name, so two communes'
 * "bao-cao.xlsx" in different sub-folders stay apart.
 */

/** A file with the name to show (its relative path for files inside a dropped folder). */
export interface NamedFile {
  name: string;
  file: File;
}

/** Name order as people read it: "bao-cao-2" before "bao-cao-10". */
function byName(a: string, b: string): number {
  return a.localeCompare(b, "vi", { numeric: true });
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every file under an entry, depth first, in name order. */
async function walk(entry: FileSystemEntry, prefix: string, out: NamedFile[]): Promise<void> {
  if (entry.isFile) {
    out.push({ name: prefix + entry.name, file: await entryFile(entry as FileSystemFileEntry) });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries returns at most ~100 entries a call; an empty batch means the end.
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) children.push(...batch);
  children.sort((a, b) => byName(a.name, b.name));
  for (const child of children) await walk(child, `${prefix}${entry.name}/`, out);
}

/** The files of a drop (files and folders), or of a file input (a folder input gives webkitRelativePath). */
export async function droppedFiles(data: DataTransfer): Promise<NamedFile[]> {
  const entries = Array.from(data.items)
    .filter((i) => i.kind === "file")
    .map((i) => i.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) return inputFiles(data.files);
  const out: NamedFile[] = [];
  for (const entry of entries) await walk(entry!, "", out);
  return out;
}

/** The files of a file input (a folder input's files carry webkitRelativePath). */
export function inputFiles(files: FileList | null): NamedFile[] {
  const out = Array.from(files ?? []).map((file) => ({ name: file.webkitRelativePath || file.name, file }));
  return out.sort((a, b) => byName(a.name, b.name));
}

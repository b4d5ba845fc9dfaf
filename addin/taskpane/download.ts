/** Saving a made file from the task pane: a Blob link clicked for the user (the browser's download). */

/** Returns a function that downloads bytes under a file name. */
export function browserDownload(doc: Document): (file: { fileName: string; mime: string; bytes: Uint8Array }) => void {
  return (file) => {
    const blob = new Blob([file.bytes as BlobPart], { type: file.mime });
    const url = URL.createObjectURL(blob);
    const link = doc.createElement("a");
    link.href = url;
    link.download = file.fileName;
    link.style.display = "none";
    doc.body.append(link);
    link.click();
    link.remove();
    // Revoked later: revoking at once cancels the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
}

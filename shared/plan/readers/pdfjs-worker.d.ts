/** pdfjs ships no types for its worker module; the PDF reader only hands it to pdfjs as globalThis.pdfjsWorker. */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}

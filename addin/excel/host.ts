/**
 * The two things the add-in needs from Excel, behind one small interface so the same code runs against Office.js in
 * Excel and against the in-memory fake in tests: `Excel.run` and the requirement-set check.
 */

/** Excel as the add-in sees it. */
export interface ExcelHost {
  /** Runs one batch of work against the workbook (Office.js `Excel.run`). */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Whether the running Excel supports a requirement set (Office.js `Office.context.requirements.isSetSupported`). */
  isSetSupported(name: string, version: string): boolean;
}

/** The real host: Office.js globals, read when called (office.js may finish loading after this module). */
export function officeExcelHost(): ExcelHost {
  return {
    run: (batch) => Excel.run((context) => batch(context)),
    isSetSupported: (name, version) => {
      // Outside an Office client (a plain browser) office.js leaves `requirements` undefined: nothing is supported.
      const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
      return requirements ? requirements.isSetSupported(name, version) : false;
    },
  };
}

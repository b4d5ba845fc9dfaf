/** Errors the add-in shows to the user as they are (Vietnamese message), never with a stack trace. */

/** Something the user asked for cannot be done in this workbook (e.g. the tracker's sheets already exist). */
export class AddinError extends Error {
  override name = "AddinError";
  constructor(
    message: string,
    readonly inner?: unknown,
  ) {
    super(message);
  }
}

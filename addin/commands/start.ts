/** Wires the ribbon commands to real Office: Excel, the shared session, the clock and the message dialog. */
import { officeExcelHost } from "../excel/host.js";
import { session } from "../session.js";
import { registerCommands } from "./commands.js";
import { officeShow } from "./show.js";

/** Registers every ribbon command with Office.actions.associate (call once Office is ready). */
export function startCommands(): void {
  registerCommands(Office.actions, { host: officeExcelHost(), session, now: () => new Date(), show: officeShow(session) });
}

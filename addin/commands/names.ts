/**
 * The ribbon's function names. Each equals a <FunctionName> in manifest.xml and is registered with
 * Office.actions.associate (a test checks both directions).
 */
import type { Status } from "../../shared/workbook/layout.js";

/** The Trạng thái menu's items: function name → the status it sets. */
export const STATUS_COMMANDS = {
  setStatusNotStarted: "Chưa triển khai",
  setStatusInProgress: "Đang thực hiện",
  setStatusDone: "Hoàn thành",
  setStatusDropped: "Không thực hiện",
} as const satisfies Record<string, Status>;

/** Every ExecuteFunction of the manifest. */
export const COMMAND_NAMES = [...(Object.keys(STATUS_COMMANDS) as Array<keyof typeof STATUS_COMMANDS>), "runCheck", "runQuarterSummary"] as const;

/** A command's function name. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * The ribbon commands (ExecuteFunction): each runs one action on the shared core, reports its outcome, and always
 * tells Office it has finished (`event.completed()` in `finally` — otherwise Excel keeps the command "running"
 * and, on the web, blocks the next one).
 */
import { addinCommandMessages as M } from "../../shared/messages/index.js";
import { checkWorkbook } from "../actions/check.js";
import { resolvePeriod } from "../actions/period.js";
import { setStatusOnSelection } from "../actions/status.js";
import { summariseWorkbook } from "../actions/summary.js";
import type { ExcelHost } from "../excel/host.js";
import { errorNotice, renderWarnings } from "../notices.js";
import type { Notice, Session } from "../session.js";
import { COMMAND_NAMES, STATUS_COMMANDS, type CommandName } from "./names.js";

/** What the commands need from their surroundings (real Office in the add-in, fakes in tests). */
export interface CommandDeps {
  host: ExcelHost;
  session: Session;
  /** The clock (the date stamped into Cập nhật). */
  now: () => Date;
  /** Shows messages to the user when no task pane can (a dialog); see addin/commands/index.ts. */
  show: (notices: Notice[]) => Promise<void>;
}

/** Office's ExecuteFunction event: only completed() matters here. */
export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

/** The part of Office.actions the commands use. */
export interface ActionRegistry {
  associate(name: string, handler: (event: CommandEvent) => unknown): void;
}

/** Runs one command's action and returns what to tell the user (the task pane's buttons call it too). */
export async function runCommand(name: CommandName, deps: CommandDeps): Promise<Notice[]> {
  const { host, session, now } = deps;
  if (name in STATUS_COMMANDS) {
    const status = STATUS_COMMANDS[name as keyof typeof STATUS_COMMANDS];
    const r = await setStatusOnSelection(host, status, now());
    return [{ kind: "success", text: M.statusSet(r.status, r.rows) }];
  }
  if (name === "runCheck") {
    const choice = resolvePeriod(session.settings, now());
    const r = await checkWorkbook(host, choice.asOf);
    const head: Notice =
      r.findings.length === 0 ? { kind: "success", text: M.checkClean } : { kind: r.errors > 0 ? "warning" : "info", text: M.checkFound(r.errors, r.warnings) };
    return [head, ...renderWarnings(r.render)];
  }
  const r = await summariseWorkbook(host, resolvePeriod(session.settings, now()));
  return [{ kind: "success", text: M.summaryDone(r.sheet) }, ...renderWarnings(r.render)];
}

/**
 * The handler Office calls for a command. Messages go to the task pane when it is loaded in this runtime;
 * errors and warnings that no pane would show go to `show` (a dialog), so nothing fails silently.
 */
export function commandHandler(name: CommandName, deps: CommandDeps): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      let notices: Notice[];
      try {
        notices = await runCommand(name, deps);
      } catch (e) {
        notices = [errorNotice(e)];
      }
      for (const n of notices) deps.session.notify(n);
      const serious = notices.filter((n) => n.kind === "error" || n.kind === "warning");
      if (serious.length > 0) await deps.show(serious);
    } catch (e) {
      // Showing the message itself failed (e.g. dialogs blocked): the pane, if any, still has it.
      deps.session.notify(errorNotice(e));
    } finally {
      event.completed();
    }
  };
}

/** Registers every command of the manifest with Office.actions.associate. */
export function registerCommands(actions: ActionRegistry, deps: CommandDeps): void {
  for (const name of COMMAND_NAMES) actions.associate(name, commandHandler(name, deps));
}

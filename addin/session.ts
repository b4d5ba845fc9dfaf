/**
 * State the ribbon commands and the task pane share. With the shared runtime (manifest <Runtimes>) both run in the
 * same JavaScript context, so this module is one object for both: the period the user picked in the pane is the
 * one Tổng hợp quý uses, and a command's outcome appears in the pane's message area.
 */
import type { PeriodSettings } from "./actions/period.js";

/** How a message looks. */
export type NoticeKind = "info" | "success" | "warning" | "error";

/** A message for the user (Vietnamese), with optional detail lines. */
export interface Notice {
  kind: NoticeKind;
  text: string;
  details?: string[];
}

/** The shared state. */
export class Session {
  /** Quarter, year and as-of date chosen in the task pane. */
  settings: PeriodSettings = {};
  private readonly listeners = new Set<(notice: Notice) => void>();

  /** Registers a message display (the task pane); returns the function that removes it. */
  onNotice(listener: (notice: Notice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether a display is registered (the task pane has loaded in this runtime). */
  get hasDisplay(): boolean {
    return this.listeners.size > 0;
  }

  /** Hands a message to every display. */
  notify(notice: Notice): void {
    for (const listener of this.listeners) listener(notice);
  }
}

/** The one session of this runtime. */
export const session = new Session();

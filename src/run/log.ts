/**
 * The log the shared jobs write to: Probot's pino logger in the App, workflow log lines in the Action,
 * stderr in the CLI. A pino Logger fits this shape.
 */
export interface RunLog {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A RunLog writing `msg` lines (the structured fields are for the App's JSON logs). */
export function lineLog(write: (level: keyof RunLog, line: string) => void): RunLog {
  const at =
    (level: keyof RunLog) =>
    (obj: object, msg?: string): void => {
      if (msg !== undefined) write(level, msg);
      else if (obj instanceof Error) write(level, obj.message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * The log of the lines about one lane: a pino logger gets a child carrying `lane` on every line (filter the
 * App's JSON logs on it); a line log (Action, CLI) is unchanged, the lane is named in the message.
 */
export function laneLog(log: RunLog, lane: string): RunLog {
  const child = (log as { child?: (bindings: object) => RunLog }).child;
  return typeof child === 'function' ? child.call(log, { lane }) : log;
}

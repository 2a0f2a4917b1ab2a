import { terminalSafe } from './terminal.ts';

/** What a command may touch of the terminal: injected so commands are unit-testable. */
export interface CliIO {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** True when stdout is an interactive terminal (progress bars only then). */
  readonly isTTY: boolean;
}

/**
 * The real terminal. No escape sequence from a file reaches it: stdout lines lose their control characters
 * (stdout may be a pipe carrying JSON, so its lines are never cut), stderr lines are also capped in length.
 */
export const processIO: CliIO = {
  stdout: (line) => process.stdout.write(`${terminalSafe(line, { cap: false })}\n`),
  stderr: (line) => process.stderr.write(`${terminalSafe(line)}\n`),
  isTTY: Boolean(process.stdout.isTTY),
};

/** Exit codes shared by every command. */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;

export type CliCommand = (args: readonly string[], io: CliIO) => Promise<number>;

/** What a command may touch of the terminal: injected so commands are unit-testable. */
export interface CliIO {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** True when stdout is an interactive terminal (progress bars only then). */
  readonly isTTY: boolean;
}

export const processIO: CliIO = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  isTTY: Boolean(process.stdout.isTTY),
};

/** Exit codes shared by every command. */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;

export type CliCommand = (args: readonly string[], io: CliIO) => Promise<number>;

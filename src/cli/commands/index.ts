import type { CliCommand } from '../io.ts';

/**
 * One line per command, loaded lazily so `ncg validate` does not pay for the sandbox or the PDF stack.
 * Each command module exports `run: CliCommand` and `summary: string`.
 */
export const commands: Record<string, () => Promise<{ run: CliCommand; summary: string }>> = {
  check: () => import('./check.ts'),
  import: () => import('./import.ts'),
  labels: () => import('./labels.ts'),
  sandbox: () => import('./sandbox.ts'),
  send: () => import('./send.ts'),
  snapshot: () => import('./snapshot.ts'),
  status: () => import('./status.ts'),
  validate: () => import('./validate.ts'),
  web: () => import('./web.ts'),
};

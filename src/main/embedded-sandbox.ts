/**
 * The embedded sandbox catalogue, started only while it is the chosen connection: a user of the real
 * catalogue has no local server listening at all.
 */
import type { SandboxEndpoint, SandboxLauncher } from './catalogue-connection.ts';

export interface ClosableSandbox extends SandboxEndpoint {
  close(): Promise<void>;
}

export function embeddedSandbox(start: () => Promise<ClosableSandbox>): SandboxLauncher & { isRunning(): boolean } {
  let running: Promise<ClosableSandbox> | undefined;
  return {
    start() {
      running ??= start().catch((error: unknown) => {
        running = undefined; // a failed start may be retried on the next call
        throw error;
      });
      return running;
    },
    async stop() {
      const current = running;
      running = undefined;
      if (current) await (await current.catch(() => undefined))?.close();
    },
    isRunning: () => running !== undefined,
  };
}

/** One clear line for each way a local server (sandbox, `ncg web`) fails to start: no stack traces. */
import { SandboxStateError } from './persistence.ts';

export function startFailure(error: unknown, host: string, port: number): string {
  if (error instanceof SandboxStateError) return error.message;
  const errno = error as NodeJS.ErrnoException | undefined;
  switch (errno?.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use; stop the other program or pick another with --port N`;
    case 'EACCES':
    case 'EPERM':
      return errno.syscall === 'listen'
        ? `not allowed to listen on port ${port} on ${host}; pick a port above 1023 with --port N`
        : `cannot use the data folder (${errno.path ?? ''}): permission denied; choose another with --data DIR`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on host ${host}: not an address of this computer; use --host 127.0.0.1`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `the data folder (${errno.path ?? ''}) is not a folder; choose another with --data DIR`;
    default:
      return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'failed to start';
  }
}

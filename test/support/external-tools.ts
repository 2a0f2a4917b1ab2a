import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';

/** The Debian package that ships each outside program our tests drive. */
const packageOf = {
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  zbarimg: 'zbar-tools',
  zint: 'zint',
} as const;

export type ExternalTool = keyof typeof packageOf;

/**
 * Runs a real outside program (rasteriser, decoder). When it is not installed the test fails with one line that
 * names the package to install, instead of a bare ENOENT from deep inside a helper.
 */
export function runTool(tool: ExternalTool, args: readonly string[], options: ExecFileSyncOptions = {}): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', ...options }).toString();
  } catch (error) {
    if (isMissingProgram(error)) {
      throw new Error(`${tool} is not installed: install Debian's "${packageOf[tool]}" package (.ci/run does).`, { cause: error });
    }
    throw error;
  }
}

function isMissingProgram(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'ENOENT';
}

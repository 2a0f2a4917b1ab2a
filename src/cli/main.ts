import { commands } from './commands/index.ts';
import { ExitCode, processIO, type CliIO } from './io.ts';
import { shown } from './terminal.ts';

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout('Usage: ncg <command> [options]\n\nCommands:');
    for (const [commandName, load] of Object.entries(commands)) {
      const { summary } = await load();
      io.stdout(`  ${commandName.padEnd(10)} ${summary}`);
    }
    return name ? ExitCode.ok : ExitCode.usage;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`ncg: unknown command "${shown(name, 40)}". Run "ncg --help" for the list.`);
    return ExitCode.usage;
  }
  const { run } = await load();
  return run(rest, io);
}

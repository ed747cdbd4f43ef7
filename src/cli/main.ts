/**
 * The `samspill` command line (contract in DESIGN.md): exit 0 done, 1 validation found errors,
 * 2 bad usage or a file that cannot be read or safely written — always with one clear message.
 */
import { Command } from 'commander';
import { cliFailure, cliStrings } from './cliText';
import { addCommand } from './addCommand';
import { aggregateCommand } from './aggregateCommand';
import { importCommand } from './importCommand';
import { newCommand } from './newCommand';
import { summaryCommand } from './summaryCommand';
import { terminalSafe } from './terminalText';
import { validateCommand } from './validateCommand';
import { CASE_KEYS } from '../core/content/demoCaseSchema';

function program(out: (line: string) => void, result: { code: number }): Command {
  const cli = new Command('samspill').description(cliStrings.both('cli.description')).exitOverride().showHelpAfterError(false);
  cli.configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: () => undefined });

  cli
    .command('new')
    .argument('<out>', 'OUT.xlsx')
    .option('--lang <lang>', 'nb | nn | en', 'nb')
    .option('--demo', cliStrings.both('cli.option.demo'))
    .option('--case <name>', cliStrings.both('cli.option.case', { cases: CASE_KEYS.join('|') }))
    .option('--seed <n>', cliStrings.both('cli.option.seed'))
    .option('--today <date>', 'YYYY-MM-DD')
    .option('--force', cliStrings.both('cli.option.force'))
    .action(async (file: string, options) => {
      result.code = await newCommand(file, options, out);
    });

  cli
    .command('add')
    .argument('<in>', 'IN.xlsx | IN.xlsm')
    .option('-o, --output <out>', 'OUT.xlsx')
    .option('--templates <keys>', 'key,...')
    .option('--lang <lang>', 'nb | nn | en')
    .option('--force', cliStrings.both('cli.option.forceOutput'))
    .action(async (file: string, options) => {
      result.code = await addCommand(file, options, out);
    });

  cli
    .command('validate')
    .argument('<file>', 'FILE.xlsx')
    .option('--format <format>', 'text | json', 'text')
    .option('--today <date>', 'YYYY-MM-DD')
    .action(async (file: string, options) => {
      result.code = await validateCommand(file, options, out);
    });

  cli
    .command('import')
    .argument('<file>', 'FILE.xlsx')
    .argument('<export>', 'EXPORT.csv | EXPORT.xlsx')
    .option('--map <column=field>', cliStrings.both('cli.option.map'), (value: string, previous: string[] = []) => [...previous, value])
    .option('--set <field=value>', cliStrings.both('cli.option.set'), (value: string, previous: string[] = []) => [...previous, value])
    .option('--sheet <name>', cliStrings.both('cli.option.sheet'))
    .option('--dry-run', cliStrings.both('cli.option.dryRun'))
    .option('--today <date>', 'YYYY-MM-DD')
    .action(async (file: string, csv: string, options) => {
      result.code = await importCommand(file, csv, options, out);
    });

  cli
    .command('aggregate')
    .argument('<files...>', 'FILE.xlsx...')
    .requiredOption('-o, --output <out>', 'REGION.xlsx')
    .option('--today <date>', 'YYYY-MM-DD')
    .option('--lang <lang>', 'nb | nn | en', 'nb')
    .option('--force', cliStrings.both('cli.option.forceOutput'))
    .action(async (files: string[], options) => {
      result.code = await aggregateCommand(files, options, out);
    });

  cli
    .command('summary')
    .argument('<file>', 'FILE.xlsx')
    .option('-o, --output <out>', 'OUT.xlsx')
    .option('--public <file>', 'PUBLIC.xlsx')
    .option('--today <date>', 'YYYY-MM-DD')
    .option('--force', cliStrings.both('cli.option.forceOutput'))
    .action(async (file: string, options) => {
      result.code = await summaryCommand(file, options, out);
    });
  return cli;
}

export async function main(argv: string[]): Promise<number> {
  const result = { code: 0 };
  try {
    // Everything printed passes through terminalSafe: names and texts come from files others wrote.
    await program((line) => process.stdout.write(`${terminalSafe(line)}\n`), result).parseAsync(argv);
    return result.code;
  } catch (error) {
    const failure = cliFailure(error);
    if (failure.message) process.stderr.write(`${terminalSafe(failure.message)}\n`);
    if (failure.unexpected && process.env.SAMSPILL_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return failure.exitCode;
  }
}

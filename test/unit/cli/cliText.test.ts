/**
 * The command line's one place for failures (cliFailure): usage errors, help, its own refusals
 * with lines under them, and anything unforeseen, each with the exit code DESIGN.md promises.
 */
import { CommanderError } from 'commander';
import { aggregateStrings, cliFailure, cliStrings, UserFacingError } from '../../../src/cli/cliText';
import { sayBoth } from '../../../src/core/content/stringTable';

test('a usage error names what was wrong, in bokmål and English, exit 2', () => {
  const failure = cliFailure(new CommanderError(1, 'commander.unknownCommand', "error: unknown command 'frobnicate'"));
  expect(failure).toEqual({ message: cliStrings.both('cli.error.usage', { reason: "unknown command 'frobnicate'" }), exitCode: 2, unexpected: false });
  expect(failure.message).toMatch(/^Feil bruk: unknown command 'frobnicate'.* \/ Wrong usage: unknown command 'frobnicate'/);
});

test('help is no failure', () => {
  expect(cliFailure(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toEqual({ message: '', exitCode: 0, unexpected: false });
});

test('a refusal is said as it is; lines under it keep their own words', () => {
  const refusal = new UserFacingError(aggregateStrings.phrase('error.none', { file: 'region.xlsx' }), ['a.xlsx: grunn / reason']);
  expect(cliFailure(refusal)).toEqual({
    message: `${aggregateStrings.both('error.none', { file: 'region.xlsx' })}\n  a.xlsx: grunn / reason`,
    exitCode: 2,
    unexpected: false,
  });
  expect(refusal.message).toBe(sayBoth(refusal));
});

test('anything unforeseen is an unexpected error, exit 2, with its message as the reason', () => {
  expect(cliFailure(new TypeError('boom'))).toEqual({ message: cliStrings.both('cli.error.unexpected', { reason: 'boom' }), exitCode: 2, unexpected: true });
  expect(cliFailure('thrown text').message).toContain('Unexpected error: thrown text.');
});

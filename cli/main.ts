import { readFileSync } from 'node:fs';
import { helpText, parseCommandArgs, type Command, type Output } from './command.js';
import { CliError, EXIT, UsageError } from './errors.js';
import { keygen } from './commands/keygen.js';
import { rootInit } from './commands/root-init.js';
import { rootRotate } from './commands/root-rotate.js';
import { sign } from './commands/sign.js';
import { verify } from './commands/verify.js';
import { inspect } from './commands/inspect.js';
import { lint } from './commands/lint.js';
import { schema } from './commands/schema.js';
import { demo } from './commands/demo.js';
import { publish } from './commands/publish.js';
import { status } from './commands/status.js';
import { server, serverEnrollToken, serverToken } from './commands/server.js';
import { agent } from './commands/agent.js';
import { preview } from './commands/preview.js';

/** Every command, by the words that name it (`root init` is two words). */
const commands: Command[] = [keygen, rootInit, rootRotate, lint, sign, verify, inspect, schema, demo, publish, status];
commands.push(server, serverToken, serverEnrollToken, agent, preview);

const stdio: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'forewarn — sign, check and preview the patch schedules that Forewarn agents show to people.',
    '',
    'usage: forewarn <command> [options]     forewarn <command> --help',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary.split(': ')[0]!.replace(/\.$/, '')}`),
    '',
    'Exit status: 0 done (or accepted), 1 refused or failed (the reason is printed), 2 wrong usage.',
  ].join('\n');
}

/** Runs the command line; returns the exit status instead of exiting, so tests and the launcher share it. */
export async function main(argv: string[], io: Output = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? commands.find((c) => c.name === argv.slice(1).join(' ')) : undefined;
    io.out(topic ? helpText(topic) : overview());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.out(version());
    return EXIT.ok;
  }
  const cmd = commands.find((c) => c.name === `${first} ${second}`) ?? commands.find((c) => c.name === first);
  if (!cmd) {
    const group = commands.filter((c) => c.name.startsWith(`${first} `));
    io.err(group.length > 0
      ? `forewarn ${first}: say which: ${group.map((c) => c.name).join(', ')}`
      : `forewarn: unknown command "${first}"; run forewarn --help for the list`);
    return EXIT.usage;
  }
  const rest = argv.slice(cmd.name.split(' ').length);
  try {
    const { positionals, values } = parseCommandArgs(cmd, rest);
    if (values.help) {
      io.out(helpText(cmd));
      return EXIT.ok;
    }
    return await cmd.run({ positionals, values, io, env, now: () => Date.now() });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`forewarn ${cmd.name}: ${error.message}`);
      io.err(`usage: ${cmd.usage}   (forewarn ${cmd.name} --help for more)`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      io.err(`forewarn ${cmd.name}: ${error.message}`);
      for (const line of error.details) io.err(`  ${line}`);
      return EXIT.failed;
    }
    throw error;
  }
}

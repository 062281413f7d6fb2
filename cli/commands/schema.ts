import { scheduleJsonSchema } from '../../core/schedule/index.js';
import { opt, type Command } from '../command.js';
import { writeFileAtomic } from '../files.js';

export const schema: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of the schedule format, for editors that check YAML as you type.',
  usage: 'forewarn schema [--out FILE]',
  details: ['In a schedule file: # yaml-language-server: $schema=./schedule.schema.json'],
  options: { out: { type: 'string', value: 'FILE', help: 'write it to FILE instead of printing it' } },
  positionals: { min: 0, max: 0 },
  async run(inv) {
    const text = `${JSON.stringify(scheduleJsonSchema(), null, 2)}\n`;
    const out = opt.string(inv, 'out');
    if (out) writeFileAtomic(out, text);
    else inv.io.out(text.trimEnd());
    return 0;
  },
};

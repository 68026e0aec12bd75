/**
 * Writes the demo dataset: `npx tsx data/generator/cli.ts --seed 1 --out data/demo [--scale N]`.
 * The only part of the generator that touches the file system.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateChatHistory } from './history.js';
import { demoFiles } from './writers/demo-files.js';

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'data/demo' },
      scale: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('usage: npx tsx data/generator/cli.ts [--seed 1] [--out data/demo] [--scale 1]\n');
    return;
  }
  const seed = Number(values.seed);
  const scale = Number(values.scale);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${values.scale}`);

  const model = generateChatHistory({ seed, scale });
  mkdirSync(values.out, { recursive: true });
  for (const [name, content] of demoFiles(model)) {
    writeFileSync(join(values.out, name), content);
    process.stdout.write(`${join(values.out, name)}  ${Buffer.byteLength(content).toLocaleString('en')} bytes\n`);
  }
  process.stdout.write(`${model.people.length} people, ${model.messages.length} messages, ${model.chats.length} chats (seed ${seed})\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`generator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

import { readFileSync } from 'node:fs';
import { blueskyParser } from './server/pipeline/parse/bluesky.js';
const f = process.argv[2]!;
const text = readFileSync(f, 'utf8');
console.log('detect', blueskyParser.detect(text.slice(0, 65536)));
const r = blueskyParser.parse(text, { fileName: 'x.json' });
for (const m of r.messages) console.log(JSON.stringify(m).slice(0, 400));
console.log(r.skipped, r.warnings, r.people.length);

import { readFileSync } from 'node:fs';
import { blueskyParser } from './server/pipeline/parse/bluesky.js';
const r = blueskyParser.parse(readFileSync(process.argv[2]!, 'utf8'), { fileName: 'x.json' });
for (const m of r.messages) console.log(m.author, m.kind, m.replyToId ?? '', m.replyToAuthor ?? '', m.repostOf ?? '', JSON.stringify(m.mentions), JSON.stringify(m.hashtags));
console.log(new Set(r.messages.map(m=>m.author)).size, r.people.map(p=>p.key+' '+(p.name??'')).join('\n'));

/** The User-Agent of every collection request: the software, its version and where to read about it (instance admins look). */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

const version = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export const USER_AGENT = `ChatAtlas/${version} (live hashtag collection for chat research; public posts only; honours #nobot, #noindex, discoverable and indexable)`;

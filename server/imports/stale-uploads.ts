/** Upload files a stopped process left behind (a job deletes its own when it ends). */
import fs from 'node:fs';
import path from 'node:path';

export function removeStaleUploads(uploadDir: string, olderThanMs: number): number {
  let removed = 0;
  const before = Date.now() - olderThanMs;
  let names: string[];
  try {
    names = fs.readdirSync(uploadDir);
  } catch {
    return 0; // no folder yet: nothing uploaded
  }
  for (const name of names) {
    if (!name.endsWith('.upload')) continue;
    const file = path.join(uploadDir, name);
    try {
      if (fs.statSync(file).mtimeMs < before) {
        fs.rmSync(file, { force: true });
        removed++;
      }
    } catch {
      /* gone meanwhile */
    }
  }
  return removed;
}

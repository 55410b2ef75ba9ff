import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** Counts `items` across quizzes/*.yaml for the summary; quiz validation lives with the quiz engine. */
export function countQuizItems(root: string): number {
  const dir = path.join(root, 'quizzes');
  if (!fs.existsSync(dir)) return 0;
  let count = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!/\.ya?ml$/.test(name)) continue;
    try {
      const data: unknown = parse(fs.readFileSync(path.join(dir, name), 'utf8'), { schema: 'core' });
      const items =
        data && typeof data === 'object' && 'items' in data ? (data as { items: unknown }).items : undefined;
      if (Array.isArray(items)) count += items.length;
    } catch {
      // A broken quiz file is reported by the quiz checks, not here.
    }
  }
  return count;
}

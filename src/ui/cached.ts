/**
 * Lazily loaded course data, cached by key. The promise itself is kept, so React's `use()` sees
 * the same promise on every render and each chunk is fetched once. A failed fetch (offline, LMS
 * hiccup) is dropped, so the next call tries again instead of failing forever. One cache serves
 * course-data.ts and quiz/quiz-data.ts: keys start with what they load (`lesson:`, `quiz:`, …).
 */
const cache = new Map<string, Promise<unknown>>();

export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

import { describe, expect, it, vi } from 'vitest';
import { cached } from '../../../src/ui/cached.ts';

describe('cached course data', () => {
  it('loads once per key and hands back the same promise, as React use() needs', async () => {
    const load = vi.fn(() => Promise.resolve('lesson'));
    const first = cached('test:once', load);
    expect(cached('test:once', load)).toBe(first);
    await expect(first).resolves.toBe('lesson');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps keys apart', async () => {
    await expect(cached('test:a', () => Promise.resolve('a'))).resolves.toBe('a');
    await expect(cached('test:b', () => Promise.resolve('b'))).resolves.toBe('b');
  });

  it('forgets a failed load, so the next call fetches again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('report');
    await expect(cached('test:retry', load)).rejects.toThrow('offline');
    await expect(cached('test:retry', load)).resolves.toBe('report');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

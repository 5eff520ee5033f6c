import { describe, expect, it } from 'vitest';
import { createFairQueue, QueueFullError } from './fair-queue.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the fair queue', () => {
  it('runs at most maxRunning at once and takes turns between keys', async () => {
    const queue = createFairQueue({ maxRunning: 1, maxWaiting: 100, maxWaitingPerKey: 100 });
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const task = (label: string) => async () => {
      running++;
      most = Math.max(most, running);
      order.push(label);
      await tick();
      running--;
    };
    // One key piles up five tasks before another key asks for two.
    const all = [1, 2, 3, 4, 5].map((i) => queue.run('guesser', task(`g${i}`)));
    all.push(queue.run('other', task('o1')), queue.run('other', task('o2')));
    await Promise.all(all);
    expect(most).toBe(1);
    expect(order).toEqual(['g1', 'g2', 'o1', 'g3', 'o2', 'g4', 'g5']);
  });

  it('refuses work beyond its bounds at once, per key and in all', async () => {
    const queue = createFairQueue({ maxRunning: 1, maxWaiting: 3, maxWaitingPerKey: 2 });
    let release: () => void = () => undefined;
    const blocker = queue.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    const waiting = [queue.run('a', tick), queue.run('a', tick)];
    await expect(queue.run('a', tick)).rejects.toBeInstanceOf(QueueFullError);
    waiting.push(queue.run('b', tick));
    await expect(queue.run('c', tick)).rejects.toBeInstanceOf(QueueFullError);
    expect(queue.size()).toEqual({ running: 1, waiting: 3 });
    release();
    await Promise.all([blocker, ...waiting]);
    expect(queue.size()).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when a task fails', async () => {
    const queue = createFairQueue({ maxRunning: 1, maxWaiting: 10, maxWaitingPerKey: 10 });
    const failing = queue.run('a', () => Promise.reject(new Error('boom')));
    const next = queue.run('b', () => Promise.resolve('ran'));
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('ran');
  });
});

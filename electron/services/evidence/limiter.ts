/** Runs at most `limit` tasks at once; the rest wait their turn in order. */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

/**
 * One holder per key at a time. The evidence service holds a file's hash while it stores the file and
 * records it, and while it decides to delete it, so a removal can never delete a file that an attach
 * running at the same moment is about to refer to.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async hold<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    // Sorted and distinct, so two holders of overlapping keys always queue in the same order.
    const ordered = [...new Set(keys)].sort();
    const releases: (() => void)[] = [];
    try {
      for (const key of ordered) releases.push(await this.acquire(key));
      return await task();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  private async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}

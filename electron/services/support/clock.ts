/** Time and ids come through here so tests can pin them and packages can be merged later. */
export interface Clock {
  now(): string;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
};

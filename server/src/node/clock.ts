import type { Clock } from '../core';

/** The system's clock, for the adapters' sessions. */
export const systemClock: Clock = {
  now: () => new Date(),
  ms: () => performance.now(),
};

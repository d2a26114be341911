/** The session's time: injected, so that the core never reads the system clock itself. */
export interface Clock {
  /** The wall-clock time: "today" for dates in front matter. */
  now(): Date;
  /** A monotonic time in milliseconds, for deadlines and time slices. */
  ms(): number;
}

/** A day of the calendar, as people write it in front matter. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** A clock stopped at one moment (tests); its monotonic time still moves if `ms` is given. */
export function fixedClock(at: Date | string, ms: () => number = () => 0): Clock {
  const date = typeof at === 'string' ? new Date(at) : at;
  return { now: () => new Date(date.getTime()), ms };
}

/** The clock's current day, in the writer's local time zone. */
export function today(clock: Clock): Day {
  const now = clock.now();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

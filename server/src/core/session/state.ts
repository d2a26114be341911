/**
 * Typed slots for derived data. A key is a constant a module declares once; it holds no data
 * itself. The data lives in a `Memo` owned by a model, a section or a session, and goes with it.
 */
export class MemoKey<T> {
  declare private readonly valueType: T;
  constructor(readonly name: string) {}
}

/**
 * Values computed from their owner and a few inputs (`deps`, compared by identity): a value is
 * recomputed when an input changes, and dropped with its owner.
 */
export class Memo {
  private readonly slots = new Map<MemoKey<unknown>, { deps: readonly unknown[]; value: unknown }>();

  get<T>(key: MemoKey<T>, deps: readonly unknown[], compute: () => T): T {
    const slot = this.slots.get(key);
    if (slot && sameItems(slot.deps, deps)) return slot.value as T;
    const value = compute();
    this.slots.set(key, { deps, value });
    return value;
  }

  peek<T>(key: MemoKey<T>): T | undefined {
    return this.slots.get(key)?.value as T | undefined;
  }

  delete(key: MemoKey<unknown>): void {
    this.slots.delete(key);
  }

  clear(): void {
    this.slots.clear();
  }
}

/** Whether two lists hold the same values (by identity), in order. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** A change in the workspace, as adapters report it. */
export interface FileEvent {
  uri: string;
  kind: 'created' | 'changed' | 'deleted';
}

/**
 * State a rule family keeps for a whole session: site facts, word lists, caches. Declared by
 * the family, created on first use, and dropped by the events the key names, never by a timer.
 * State kept per document says how to take a closed document out of it (`forget`), so that a
 * long session does not keep every document it ever opened.
 */
export class SessionKey<T> {
  constructor(
    readonly name: string,
    readonly create: () => T,
    readonly invalidatedBy: {
      /** Dropped when a file event matches; `true` for every file event. */
      files?: true | ((event: FileEvent) => boolean);
      /** Dropped when settings change. */
      settings?: boolean;
    } = {},
    readonly perDocument: DocumentState<T> = {},
  ) {}
}

/** How state kept per document lets go of one. */
export interface DocumentState<T> {
  /** Takes what the state holds for a closed document out of it. */
  forget?(state: T, uri: string): void;
}

/** Something the adapter hands the session: a dictionary loader, a link index it keeps current. */
export class InputKey<T> {
  declare private readonly valueType: T;
  constructor(readonly name: string) {}
}

// The one container of app state: a value replaced (never mutated) by pure producers, with
// subscribers notified after each change. React reads it through hooks.tsx.

/** A state container. */
export interface Store<S> {
  get: () => S;
  /** Replaces the state with `producer(state)`; subscribers run only when the value changed. */
  set: (producer: (state: S) => S) => void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

/** Creates a store holding `initial`. */
export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set: (producer) => {
      const next = producer(state);
      if (Object.is(next, state)) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

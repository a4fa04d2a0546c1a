// The store: replaced by producers, subscribers told of changes only.
import { describe, expect, test } from 'vitest';
import { createStore } from '../../../src/state/store.ts';

describe('createStore', () => {
  test('producers replace the state and subscribers hear of each change', () => {
    const store = createStore({ count: 0 });
    const seen: number[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.get().count));
    store.set((s) => ({ count: s.count + 1 }));
    store.set((s) => s);
    store.set((s) => ({ count: s.count + 1 }));
    unsubscribe();
    store.set((s) => ({ count: s.count + 1 }));
    expect(seen).toEqual([1, 2]);
    expect(store.get()).toEqual({ count: 3 });
  });
});

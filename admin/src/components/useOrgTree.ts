// One shared copy of GET /organisations/tree for the tree, the pickers and the filters.
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../api';
import type { Organisation } from '../types';

interface OrgTreeState {
  items: Organisation[];
  loaded: boolean;
  loading: boolean;
  error: unknown;
}

let state: OrgTreeState = { items: [], loaded: false, loading: false, error: null };
let inflight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: Partial<OrgTreeState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

/** Fetch the list again (after any change to organisations). */
export function reloadOrgTree(): Promise<void> {
  if (inflight) return inflight;
  set({ loading: true });
  inflight = api.organisations
    .tree()
    .then((res) => set({ items: res.items, loaded: true, loading: false, error: null }))
    .catch((error: unknown) => set({ loading: false, error }))
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

/** Forget the list (on logout). */
export function clearOrgTree(): void {
  state = { items: [], loaded: false, loading: false, error: null };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOrgTree(): OrgTreeState & { reload: () => Promise<void> } {
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (!state.loaded && !state.loading && !state.error) void reloadOrgTree();
  }, []);
  return { ...current, reload: reloadOrgTree };
}

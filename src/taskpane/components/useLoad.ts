/**
 * Reads something for a view whenever what it depends on changes; an answer that arrives after
 * the view moved on (another register chosen meanwhile) is dropped, never shown over the newer
 * one. Unlike useAction, loads do not wait for each other.
 */
import { useEffect, useState, type DependencyList } from 'react';

export function useLoad<T>(load: (() => Promise<T>) | null, deps: DependencyList): { value: T | null; error: unknown; loading: boolean } {
  const [state, setState] = useState<{ value: T | null; error: unknown; loading: boolean }>({ value: null, error: null, loading: load !== null });
  useEffect(() => {
    if (!load) return;
    let live = true;
    setState((prev) => ({ value: prev.value, error: null, loading: true }));
    load().then(
      (value) => live && setState({ value, error: null, loading: false }),
      (error: unknown) => live && setState({ value: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
    // The caller names what the load depends on.
  }, deps);
  return state;
}

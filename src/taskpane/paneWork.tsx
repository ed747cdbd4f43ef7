/**
 * Work in progress kept above the tabs, so that switching tabs loses nothing: a half-filled form,
 * unsaved ratings, the record that was open, the search typed. It lives in React state in the
 * App for as long as the workbook is open, and nowhere else — never in browser storage, since a
 * form holds personal data. Each tab keeps its work under keys of its own with `useKept`, and says
 * which of it is unsaved, so the page can ask before anything replaces it.
 *
 * The context also lets one tab send the user to another with an intent (the validation list
 * opening a record in the register, say), and remembers what a selection in Excel asked to open.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/** Where the Registrer tab should go when a tab or a selection sends the user there. */
export interface RegisterIntent {
  register: 'partners' | 'agreements' | 'volunteers' | 'hours' | 'actions';
  /** The record's sheet row; without it, the register's list. */
  rowNumber?: number;
  /** Open the record for editing rather than for reading. */
  edit?: boolean;
  /** Start merging this record with another (a duplicate the validation found). */
  merge?: number;
}

export interface PaneWork {
  kept: ReadonlyMap<string, unknown>;
  keep: (key: string, value: unknown) => void;
  /** Keys of work not saved to the workbook yet. */
  unsaved: ReadonlySet<string>;
  setUnsaved: (key: string, unsaved: boolean) => void;
  /** Goes to a tab; the register tab takes the intent as where to go. */
  navigate: (section: string, intent?: RegisterIntent) => void;
  /** The latest intent for the register tab, with a serial so the same one twice is seen twice. */
  intent: { serial: number; value: RegisterIntent } | null;
}

const PaneWorkContext = createContext<PaneWork | null>(null);

export function PaneWorkProvider({ children, onNavigate }: { children: ReactNode; onNavigate: (section: string) => void }) {
  const [kept, setKept] = useState<ReadonlyMap<string, unknown>>(() => new Map());
  const [unsaved, setUnsavedKeys] = useState<ReadonlySet<string>>(() => new Set());
  const [intent, setIntent] = useState<PaneWork['intent']>(null);
  const serial = useRef(0);

  const keep = useCallback((key: string, value: unknown) => {
    setKept((prev) => {
      if (prev.get(key) === value) return prev;
      const next = new Map(prev);
      next.set(key, value);
      return next;
    });
  }, []);

  const setUnsaved = useCallback((key: string, flag: boolean) => {
    setUnsavedKeys((prev) => {
      if (prev.has(key) === flag) return prev;
      const next = new Set(prev);
      if (flag) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const navigate = useCallback(
    (section: string, value?: RegisterIntent) => {
      if (value) setIntent({ serial: ++serial.current, value });
      onNavigate(section);
    },
    [onNavigate],
  );

  const work = useMemo<PaneWork>(() => ({ kept, keep, unsaved, setUnsaved, navigate, intent }), [kept, keep, unsaved, setUnsaved, navigate, intent]);
  return <PaneWorkContext.Provider value={work}>{children}</PaneWorkContext.Provider>;
}

export function usePaneWork(): PaneWork {
  const work = useContext(PaneWorkContext);
  if (!work) throw new Error('usePaneWork outside PaneWorkProvider');
  return work;
}

/**
 * State that outlives the tab that shows it: like useState, but kept above the tabs under `key`.
 * A function as the new value gets the current one, as with useState.
 */
export function useKept<T>(key: string, initial: T | (() => T)): [T, (next: T | ((current: T) => T)) => void] {
  const { kept, keep } = usePaneWork();
  // A key set to undefined is work forgotten (a form discarded): it starts afresh.
  const value = kept.get(key) !== undefined ? (kept.get(key) as T) : typeof initial === 'function' ? (initial as () => T)() : initial;
  const latest = useRef(value);
  latest.current = value;
  const set = useCallback(
    (next: T | ((current: T) => T)) => {
      const resolved = typeof next === 'function' ? (next as (current: T) => T)(latest.current) : next;
      latest.current = resolved;
      keep(key, resolved);
    },
    [key, keep],
  );
  return [value, set];
}

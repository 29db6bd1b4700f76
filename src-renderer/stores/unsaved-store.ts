import { useEffect, useId, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { create } from 'zustand';

/**
 * Screens and tabs holding edits not saved yet (issue 14). Leaving them — another page, another tab of a person
 * file, closing the window — asks first. Memory only, like every store.
 */
interface UnsavedState {
  owners: ReadonlySet<string>;
  /** A question waiting for the person's answer, shown by UnsavedChangesDialog. */
  pending: ((leave: boolean) => void) | null;
  mark: (owner: string, dirty: boolean) => void;
  clear: () => void;
}

export const useUnsavedStore = create<UnsavedState>((set) => ({
  owners: new Set(),
  pending: null,
  mark: (owner, dirty) =>
    set((s) => {
      if (dirty === s.owners.has(owner)) return s;
      const owners = new Set(s.owners);
      if (dirty) owners.add(owner);
      else owners.delete(owner);
      return { owners };
    }),
  clear: () => set({ owners: new Set() }),
}));

export function hasUnsavedChanges(): boolean {
  return useUnsavedStore.getState().owners.size > 0;
}

/** Resolves true when there is nothing unsaved, or when the person chooses to leave without saving. */
export function confirmLeavingUnsaved(): Promise<boolean> {
  if (!hasUnsavedChanges()) return Promise.resolve(true);
  return new Promise((resolve) => {
    useUnsavedStore.setState({
      pending: (leave) => {
        useUnsavedStore.setState({ pending: null });
        if (leave) useUnsavedStore.getState().clear();
        resolve(leave);
      },
    });
  });
}

/** Declares that this component holds unsaved edits while `dirty` is true; closing the window then asks too. */
export function useUnsavedChanges(dirty: boolean): void {
  const owner = useId();
  useEffect(() => {
    useUnsavedStore.getState().mark(owner, dirty);
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      useUnsavedStore.getState().mark(owner, false);
    };
  }, [owner, dirty]);
}

/** A react-hook-form form guards its edits until they are saved (reset with the saved values) or abandoned. */
export function useFormGuard<T extends FieldValues>(form: UseFormReturn<T>): void {
  useUnsavedChanges(form.formState.isDirty);
}

/**
 * A form kept in plain state: unsaved while it is open and differs from what it held when it opened.
 * `draft` must be JSON-serialisable.
 */
export function useDraftGuard(draft: unknown, open: boolean): void {
  const [initial, setInitial] = useState<string | null>(null);
  const json = open ? JSON.stringify(draft) : null;
  if (open && initial === null) setInitial(json);
  if (!open && initial !== null) setInitial(null);
  useUnsavedChanges(open && initial !== null && json !== initial);
}

import { create } from 'zustand';
import { ApiError } from '../api';

/** One question at a time to the person, answered in ConfirmDialog (issue 14: confirmations, unusual values). */
export interface Question {
  title: string;
  /** What the person should know before answering, one point per line. */
  points: string[];
  confirmLabel: string;
  cancelLabel?: string;
  color?: string;
}

interface ConfirmState {
  question: Question | null;
  answer: ((yes: boolean) => void) | null;
}

export const useConfirmStore = create<ConfirmState>(() => ({ question: null, answer: null }));

export function askToConfirm(question: Question): Promise<boolean> {
  return new Promise((resolve) => {
    useConfirmStore.setState({
      question,
      answer: (yes) => {
        useConfirmStore.setState({ question: null, answer: null });
        resolve(yes);
      },
    });
  });
}

/**
 * Calls a route that may answer CONFIRMATION_REQUIRED (src-shared/rules/plausibility.ts): the unusual values are
 * shown, and the call is made again with `confirme: true` if the person confirms. Null when they do not.
 */
export async function withConfirmation<T>(call: (confirme: boolean) => Promise<T>, title = 'Des valeurs inhabituelles'): Promise<T | null> {
  try {
    return await call(false);
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'CONFIRMATION_REQUIRED') throw err;
    const yes = await askToConfirm({ title, points: [err.message, ...Object.values(err.fields)], confirmLabel: 'Confirmer et enregistrer', cancelLabel: 'Corriger', color: 'orange' });
    return yes ? call(true) : null;
  }
}

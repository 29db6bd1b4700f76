/**
 * Who is logged in, kept in memory only: nothing about the session or the data survives a reload or a logout in
 * the renderer's storage.
 */
import { create } from 'zustand';
import type { QuestionnaireView } from '../../src-shared/qualite/questionnaires';
import type { SessionInfo, SystemStatus } from '../../src-shared/views';

interface SessionState {
  status: SystemStatus | null;
  session: SessionInfo | null;
  /** Why the user is back on the login screen (session ended, account deactivated…). */
  notice: string | null;
  /** The satisfaction kiosk shown instead of the app (the session is locked meanwhile). */
  kiosk: QuestionnaireView | null;
  setKiosk(kiosk: QuestionnaireView | null): void;
  setStatus(status: SystemStatus): void;
  setSession(session: SessionInfo): void;
  markLocked(): void;
  clearSession(notice?: string | null): void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  status: null,
  session: null,
  notice: null,
  kiosk: null,
  setKiosk: (kiosk) => set((s) => ({ kiosk, session: kiosk && s.session ? { ...s.session, locked: true } : s.session })),
  setStatus: (status) => set({ status }),
  setSession: (session) => set({ session, notice: null }),
  markLocked: () => set((s) => (s.session ? { session: { ...s.session, locked: true } } : s)),
  clearSession: (notice = null) => {
    // The next login may be someone else on the same office PC: start again from the dashboard.
    if (typeof window !== 'undefined') window.location.hash = '#/';
    set({ session: null, notice, kiosk: null });
  },
}));

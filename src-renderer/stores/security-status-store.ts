import { create } from 'zustand';

/**
 * The recovery sheet's status is shown in two places at once (the administrators' banner, Paramètres → Sauvegardes):
 * whoever changes it (a sheet confirmed, a new key made) says so here, and both read it again.
 */
interface SecurityStatusState {
  version: number;
  changed(): void;
}

export const useSecurityStatusStore = create<SecurityStatusState>((set) => ({
  version: 0,
  changed: () => set((s) => ({ version: s.version + 1 })),
}));

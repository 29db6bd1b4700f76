import { useEffect, useRef } from 'react';
import { api } from '../api';
import { useSessionStore } from '../stores/session-store';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the session after the structure's idle delay. The main process enforces the same delay on every call; this
 * hook hides the screen on time even when nobody clicks anything.
 */
export function useIdleLock(idleLockMinutes: number): void {
  const lastActivity = useRef(0);
  useEffect(() => {
    lastActivity.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= idleLockMinutes * 60_000) {
        useSessionStore.getState().markLocked();
        void api('auth.lock').catch(() => undefined);
      }
    }, 5_000);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [idleLockMinutes]);
}

import { randomBytes } from 'node:crypto';
import type { Clock } from '../../lib/clock';

export interface Session {
  token: string;
  userId: string;
  createdAt: Date;
  lastActivityAt: Date;
  locked: boolean;
  /** The questionnaire this session's kiosk shows, while the kiosk is open (issue 20 §6: only a kiosk answers). */
  kioskQuestionnaireId: string | null;
}

/**
 * In-memory sessions of the running process. A session locks itself after the idle delay; a locked session only
 * allows unlocking (with the password) or logging out. Restarting the app ends every session.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  constructor(private readonly clock: Clock) {}

  create(userId: string): Session {
    const now = this.clock.now();
    const session: Session = { token: randomBytes(32).toString('base64url'), userId, createdAt: now, lastActivityAt: now, locked: false, kioskQuestionnaireId: null };
    this.sessions.set(session.token, session);
    return session;
  }

  get(token: string | null | undefined): Session | undefined {
    return token ? this.sessions.get(token) : undefined;
  }

  /** Applies the idle lock, then records activity if the session is still open. */
  touch(session: Session, idleLockMinutes: number, recordActivity: boolean): Session {
    const now = this.clock.now();
    if (!session.locked && now.getTime() - session.lastActivityAt.getTime() >= idleLockMinutes * 60_000) {
      session.locked = true;
    }
    if (!session.locked && recordActivity) session.lastActivityAt = now;
    return session;
  }

  lock(session: Session): void {
    session.locked = true;
  }

  /** Locks the session into the kiosk of one questionnaire: it answers that questionnaire and nothing else. */
  openKiosk(session: Session, questionnaireId: string): void {
    session.locked = true;
    session.kioskQuestionnaireId = questionnaireId;
  }

  unlock(session: Session): void {
    session.locked = false;
    session.kioskQuestionnaireId = null;
    session.lastActivityAt = this.clock.now();
  }

  revoke(token: string): void {
    this.sessions.delete(token);
  }

  revokeUser(userId: string, exceptToken?: string): void {
    for (const [token, s] of this.sessions) if (s.userId === userId && token !== exceptToken) this.sessions.delete(token);
  }
}

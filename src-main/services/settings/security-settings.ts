import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { settings } from '../../../db/schema';
import { DEFAULT_SECURITY_SETTINGS, securitySettingsSchema, type SecuritySettings } from '../../../src-shared/schemas/settings';

const KEY = 'securite';

/** The structure's security settings, read on every request (idle lock), so kept in memory once read. */
export class SecuritySettingsService {
  private cached: SecuritySettings | null = null;
  constructor(private readonly db: Db) {}

  get(): SecuritySettings {
    if (this.cached) return this.cached;
    const row = this.db.select().from(settings).where(eq(settings.key, KEY)).get();
    const parsed = row ? securitySettingsSchema.safeParse(JSON.parse(row.value)) : null;
    this.cached = parsed?.success ? parsed.data : DEFAULT_SECURITY_SETTINGS;
    return this.cached;
  }

  update(value: SecuritySettings, now: Date): SecuritySettings {
    const json = JSON.stringify(value);
    this.db
      .insert(settings)
      .values({ key: KEY, value: json, updatedAt: now.toISOString() })
      .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now.toISOString() } })
      .run();
    this.cached = value;
    return value;
  }

  /** After a rolled-back transaction the cache could be ahead of the database. */
  invalidate(): void {
    this.cached = null;
  }
}

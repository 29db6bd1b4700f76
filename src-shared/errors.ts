/** The typed error every route returns on failure; `message` is French and safe to show as is. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** Values that are plausible only if the person confirms them (`fields` says which); send again with `confirme: true`. */
  'CONFIRMATION_REQUIRED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorPayload {
  code: ErrorCode;
  message: string;
  /** Field path ("admin.password") → French message, for forms. */
  fields?: Record<string, string>;
}

export type RpcResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorPayload };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  toPayload(): AppErrorPayload {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

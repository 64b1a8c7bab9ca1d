import type { FieldMessageCode, MessageCode } from './i18n/messages.ts';

export type FieldError = { path: string; code: FieldMessageCode; params?: Record<string, unknown> };

/** Base class for every error a user may see; the HTTP layer maps it to `{error: {code, message, fields?}}`. */
export class AppError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.name = new.target.name;
  }
}

/** Missing and forbidden answer alike, so existence never leaks. */
export class NotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND', 404);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(code: MessageCode = 'UNAUTHENTICATED', params?: Record<string, unknown>) {
    super(code, 401, params);
  }
}
export class ForbiddenError extends AppError {
  constructor(code: MessageCode = 'FORBIDDEN', params?: Record<string, unknown>) {
    super(code, 403, params);
  }
}
export class ConflictError extends AppError {
  constructor(code: MessageCode = 'CONFLICT', params?: Record<string, unknown>) {
    super(code, 409, params);
  }
}
export class ValidationError extends AppError {
  constructor(fields: FieldError[], code: MessageCode = 'VALIDATION_FAILED') {
    super(code, 400, {}, fields);
  }
  static field(path: string, code: FieldMessageCode, params?: Record<string, unknown>): ValidationError {
    return new ValidationError([{ path, code, params }]);
  }
}

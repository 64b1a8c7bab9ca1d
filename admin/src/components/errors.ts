// Turning ApiErrors into messages and form field errors.
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api';

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return '操作失败，请稍后重试。';
}

/**
 * Puts the server's `error.fields` on the matching form items ("contact.phone" → ["contact", "phone"]).
 * Returns true when at least one field error was shown.
 */
export function applyFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  const byName = new Map<string, string[]>();
  for (const field of err.fields) {
    const list = byName.get(field.path) ?? [];
    list.push(field.message);
    byName.set(field.path, list);
  }
  form.setFields([...byName].map(([path, errors]) => ({ name: path.split('.'), errors })));
  return true;
}

/** Returns a reporter that shows an error as a toast (and, given a form, on its fields). */
export function useErrorReporter(): (err: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      // 401 already sends the user to the login page.
      if (err instanceof ApiError && err.status === 401) return;
      if (form) applyFieldErrors(form, err);
      void message.error(errorMessage(err));
    },
    [message],
  );
}

import dayjs from 'dayjs';

/** "2024-05-01 14:03" for an ISO instant, "—" for null. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : value;
}

/** "2024-05-01" for an ISO instant or date, "—" for null. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : value;
}

/** Empty or blank strings become null (to clear a field); other strings are trimmed. */
export function blankToNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Empty or blank strings become undefined (to leave a field out of a create body). */
export function blankToUndefined(value: unknown): string | undefined {
  return blankToNull(value) ?? undefined;
}

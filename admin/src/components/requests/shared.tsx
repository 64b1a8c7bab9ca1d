// Small pieces shared by the case list, the case page and the registration form.
import { useEffect, useState } from 'react';
import { ToneTag } from '../normative/ToneTag';
import { useErrorReporter } from '../errors';
import { requestsApi, type DueDate, type Urgency, type Vocabulary } from './api';

/** The vocabulary (outcomes, channels, states …) and the server's today, read once per page. */
export function useVocabulary(): Vocabulary | null {
  const report = useErrorReporter();
  const [vocabulary, setVocabulary] = useState<Vocabulary | null>(null);
  useEffect(() => {
    requestsApi.vocabulary().then(setVocabulary, report);
  }, [report]);
  return vocabulary;
}

export const nameOf = (list: { value: string; name: string }[] | undefined, value: string | null | undefined) =>
  list?.find((x) => x.value === value)?.name ?? value ?? '';

/** The due date with 临近/超期 and 暂定 (the year's holiday schedule is not loaded yet). */
export function DueCell({ due, urgency, testId }: { due: DueDate | null; urgency: Urgency; testId?: string }) {
  if (!due) return <span>—</span>;
  return (
    <span>
      <span data-testid={testId}>{due.date}</span>{' '}
      {urgency === 'overdue' && <ToneTag tone="red">已超期</ToneTag>}
      {urgency === 'near' && <ToneTag tone="orange">临近到期</ToneTag>}
      {due.provisional && <ToneTag tone="grey">暂定</ToneTag>}
    </span>
  );
}

const STATE_TONES: Record<string, 'green' | 'blue' | 'red' | 'orange' | 'grey'> = {
  registered: 'blue',
  correction_requested: 'orange',
  in_progress: 'blue',
  consulting: 'orange',
  fee_notice: 'orange',
  legal_review: 'orange',
  answered: 'green',
  delivered: 'green',
  archived: 'grey',
  abandoned: 'grey',
  withdrawn: 'grey',
  transferred: 'grey',
};

export function StateTag({ state, name }: { state: string; name: string }) {
  return <ToneTag tone={STATE_TONES[state] ?? 'grey'}>{name}</ToneTag>;
}

export const FORM_NAMES: Record<string, string> = { paper: '纸质', electronic: '电子', inspect: '当场查阅' };
export const DELIVERY_NAMES: Record<string, string> = { online: '网上查看', email: '电子邮件', post: '邮寄', pickup: '自行领取' };
export const yuan = (fen: number) => (fen / 100).toFixed(2);

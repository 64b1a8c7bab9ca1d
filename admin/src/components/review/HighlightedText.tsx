// A read-only rendering of scanned text with each finding in a <mark>. <mark> may not carry aria-label (axe:
// naming prohibited), so each one holds a visually hidden label that screen readers read with the text.
import type { ReactNode } from 'react';
import type { ReviewFinding } from '../../types';
import { categoryLabel } from './labels';

interface Props {
  text: string;
  findings: ReviewFinding[];
  /** Numbers shown in the labels, matching the findings list. */
  numbers: Map<string, number>;
}

export function HighlightedText({ text, findings, numbers }: Props) {
  const sorted = findings.filter((f) => f.end > f.start && f.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of sorted) {
    if (f.start < at) continue; // overlapping matches: the first (longest) one is marked
    if (f.start > at) parts.push(text.slice(at, f.start));
    const n = numbers.get(f.id);
    const label = `问题${n ? ` ${n}` : ''}：${categoryLabel(f.category)}${f.status === 'open' ? '，阻止发布' : f.status === 'overridden' ? '，已豁免' : ''}`;
    parts.push(
      <mark key={f.id} className={`gk-finding gk-finding-${f.status}`} data-finding={f.id} title={label}>
        {text.slice(f.start, f.end)}
        <span className="visually-hidden">（{label}）</span>
      </mark>,
    );
    at = f.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <div className="gk-review-text">{parts}</div>;
}

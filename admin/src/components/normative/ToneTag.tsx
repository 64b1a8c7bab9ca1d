// A tag in one of a few tones whose text/background pairs reach 4.5:1 contrast (antd's preset colours fall short).
import { Tag } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

export type Tone = 'green' | 'blue' | 'red' | 'orange' | 'grey';

const TONES: Record<Tone, CSSProperties> = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  blue: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  orange: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  grey: { color: '#262626', background: '#f5f5f5', borderColor: '#bfbfbf' },
};

export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={TONES[tone]}>{children}</Tag>;
}

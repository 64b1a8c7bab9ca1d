// The findings of a review grouped by where they are (正文 / 标题 / 元数据 / each attachment), with the one-click
// actions: 一键脱敏 (body and title, confirmed), 要求重新上传 (attachments), 记录豁免 (reviewers, reason required).
import { Button, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReviewFinding } from '../../types';
import { categoryLabel, SeverityTag, StatusTag } from './labels';

export interface FindingGroup {
  key: string;
  title: string;
  findings: ReviewFinding[];
}

const FIELD_GROUPS: Record<string, string> = { body: '正文', title: '标题' };

/** 正文, 标题, 元数据, then one group per attachment in the order found. */
export function groupFindings(findings: ReviewFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  const order = (k: string) => (k === 'body' ? 0 : k === 'title' ? 1 : k === 'meta' ? 2 : 3);
  for (const f of findings) {
    const key = f.location.attachmentId ? `att:${f.location.attachmentId}` : f.location.field && FIELD_GROUPS[f.location.field] ? f.location.field : 'meta';
    const title = f.location.attachmentId ? `附件“${f.location.filename ?? ''}”` : (FIELD_GROUPS[key] ?? '元数据');
    const g = groups.get(key) ?? { key, title, findings: [] };
    g.findings.push(f);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => order(a.key) - order(b.key));
}

interface Props {
  groups: FindingGroup[];
  numbers: Map<string, number>;
  canMask: boolean;
  canOverride: boolean;
  busy: string | null;
  onMask: (f: ReviewFinding) => void;
  onOverride: (f: ReviewFinding) => void;
}

export function FindingList({ groups, numbers, canMask, canOverride, busy, onMask, onOverride }: Props) {
  const columns: TableColumnsType<ReviewFinding> = [
    { title: '序号', width: 60, render: (_, f) => numbers.get(f.id) },
    { title: '类别', width: 130, render: (_, f) => categoryLabel(f.category) },
    { title: '严重程度', width: 90, render: (_, f) => <SeverityTag finding={f} /> },
    { title: '位置', width: 170, render: (_, f) => f.location.label },
    {
      title: '内容（已脱敏）',
      width: 190,
      render: (_, f) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text code>{f.masked || '—'}</Typography.Text>
          {f.suggestion && <span>应为：{f.suggestion}</span>}
          {f.context && f.location.attachmentId && (
            // Attachments have no rendered text in the card: the finding is shown highlighted in its surroundings.
            <span className="gk-finding-context" data-finding-context={numbers.get(f.id)}>
              …{f.context.before}
              <mark>{f.masked || f.text}</mark>
              {f.context.after}…
            </span>
          )}
        </Space>
      ),
    },
    {
      title: '说明',
      render: (_, f) => (
        <Space orientation="vertical" size={2}>
          <span>{f.message.zh}</span>
          <StatusTag finding={f} />
          {f.override && (
            <Typography.Text type="secondary">
              豁免理由：{f.override.reason}（{f.override.userName}）
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '操作',
      width: 130,
      render: (_, f) => {
        const n = numbers.get(f.id);
        return (
          <Space orientation="vertical" size={4}>
            {f.action === 'mask' && canMask && (
              <Button size="small" loading={busy === f.id} aria-label={`一键脱敏：问题 ${n}`} onClick={() => onMask(f)}>
                一键脱敏
              </Button>
            )}
            {f.action === 'reupload' && f.status === 'open' && canMask && (
              <Button size="small" loading={busy === f.id} aria-label={`要求重新上传：问题 ${n}`} onClick={() => onMask(f)}>
                要求重新上传
              </Button>
            )}
            {f.overridable && f.status === 'open' && canOverride && (
              <Button size="small" aria-label={`记录豁免：问题 ${n}`} onClick={() => onOverride(f)}>
                记录豁免
              </Button>
            )}
          </Space>
        );
      },
    },
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {groups.map((g) => (
        <section key={g.key} aria-label={`审查发现：${g.title}`}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {g.title}（{g.findings.length}）
          </Typography.Title>
          <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={g.findings} scroll={{ x: 900 }} />
        </section>
      ))}
    </Space>
  );
}

// 复查队列: published documents in which the re-scan found open blocking findings. Each item is withdrawn, masked
// and republished (an urgent minor correction a second reviewer approves afterwards) or dismissed — each with a
// reason and a confirmation.
import { App, Button, Card, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useLatestLoad } from '../components/useLatestLoad';
import { reviewApi } from '../api';
import type { Page, ReviewQueueItem, ReviewQueueStatus } from '../types';
import { useErrorReporter } from '../components/errors';
import { formatTime } from '../components/format';
import { DocLink } from '../components/review/DocLink';
import { ReasonDialog } from '../components/review/ReasonDialog';
import { categoryLabel, QUEUE_STATUS_LABELS } from '../components/review/labels';
import { ToneTag } from '../components/normative/ToneTag';

type Action = 'withdraw' | 'republish' | 'dismiss';

const ACTIONS: Record<Action, { label: string; title: string; field: string; hint: string; confirm: string; danger?: boolean; done: string }> = {
  withdraw: {
    label: '撤回',
    title: '撤回文件',
    field: '撤回原因',
    hint: '撤回后公开页面保留并显示撤回原因，文件不再出现在列表和搜索中。',
    confirm: '确定撤回此文件？',
    danger: true,
    done: '已撤回',
  },
  republish: {
    label: '脱敏重发',
    title: '脱敏并重新发布',
    field: '更正说明',
    hint: '正文和标题中的问题将替换为脱敏内容，作为一般修改（小版本）立即发布，更新记录显示“隐私信息脱敏更正”；发布后须由另一位审核人补充审核。附件中的问题无法在此脱敏。',
    confirm: '确定脱敏并立即重新发布？',
    done: '已脱敏并重新发布',
  },
  dismiss: {
    label: '忽略',
    title: '忽略此复查事项',
    field: '忽略理由',
    hint: '忽略的问题在以后的复查中不再出现。理由记入审计日志。',
    confirm: '确定忽略这些问题？',
    done: '已忽略',
  },
};

const STATUS_OPTIONS = Object.entries(QUEUE_STATUS_LABELS).map(([value, label]) => ({ value, label }));

export default function ReviewQueuePage() {
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const [query, setQuery] = useState<{ status: ReviewQueueStatus; page: number; pageSize: number }>({ status: 'open', page: 1, pageSize: 20 });
  const [acting, setActing] = useState<{ item: ReviewQueueItem; action: Action } | null>(null);

  const { data, loading, load } = useLatestLoad<Page<ReviewQueueItem>>(
    useCallback(() => reviewApi.queue(query), [query]),
    report,
  );

  const submit = (reason: string) =>
    new Promise<void>((resolve, reject) => {
      if (!acting) return resolve();
      const def = ACTIONS[acting.action];
      modal.confirm({
        title: def.confirm,
        content: `《${acting.item.documentTitle}》：${reason}`,
        okText: def.label,
        okButtonProps: { danger: def.danger },
        cancelText: '取消',
        onCancel: () => reject(new Error('cancelled')),
        onOk: async () => {
          const call = acting.action === 'withdraw' ? reviewApi.withdraw : acting.action === 'republish' ? reviewApi.republish : reviewApi.dismiss;
          try {
            await call(acting.item.id, reason);
            void message.success(def.done);
            setActing(null);
            load();
            resolve();
          } catch (err) {
            report(err);
            reject(err as Error);
          }
        },
      });
    });

  const columns: TableColumnsType<ReviewQueueItem> = [
    { title: '文件', render: (_, i) => <DocLink id={i.documentId} title={i.documentTitle} /> },
    {
      title: '复查发现',
      render: (_, i) => (
        <Space orientation="vertical" size={2}>
          <span>{i.summary}</span>
          {i.findings.map((f) => (
            <Typography.Text key={f.id} type="secondary">
              {categoryLabel(f.category)}：{f.masked || f.message.zh}（{f.location.label}）
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    { title: '发现时间', width: 150, render: (_, i) => formatTime(i.createdAt) },
    {
      title: '状态',
      width: 160,
      render: (_, i) => (
        <Space orientation="vertical" size={2}>
          <ToneTag tone={i.status === 'open' ? 'red' : 'grey'}>{QUEUE_STATUS_LABELS[i.status]}</ToneTag>
          {i.reason && <Typography.Text type="secondary">{i.reason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '操作',
      width: 230,
      render: (_, i) =>
        i.status === 'open' && (
          <Space wrap>
            {(Object.keys(ACTIONS) as Action[]).map((a) => (
              <Button key={a} size="small" danger={ACTIONS[a].danger} onClick={() => setActing({ item: i, action: a })}>
                {ACTIONS[a].label}
              </Button>
            ))}
          </Space>
        ),
    },
  ];

  const def = acting ? ACTIONS[acting.action] : null;
  return (
    <Card title="复查队列">
      <Typography.Paragraph>已公开的文件按计划并在词库变更后重新审查；发现未处理的阻止性问题时列在这里，由发布机构处理。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="按状态筛选"
          style={{ width: 160 }}
          options={STATUS_OPTIONS}
          value={query.status}
          onChange={(status) => setQuery({ ...query, status, page: 1 })}
        />
      </Space>
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
      />
      <ReasonDialog
        open={acting !== null}
        title={def ? `${def.title}：《${acting?.item.documentTitle}》` : ''}
        label={def?.field ?? '理由'}
        okText={def?.label ?? '确定'}
        hint={def?.hint}
        danger={def?.danger}
        onCancel={() => setActing(null)}
        onSubmit={submit}
      />
    </Card>
  );
}

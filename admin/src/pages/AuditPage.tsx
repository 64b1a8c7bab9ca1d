// 审计日志: read-only, paged, filterable; rows expand to the before/after snapshots.
import { Button, Card, DatePicker, Form, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useLatestLoad } from '../components/useLatestLoad';
import { api } from '../api';
import { useErrorReporter } from '../components/errors';
import { formatTime } from '../components/format';
import { JsonView } from '../components/JsonView';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { UserSelect } from '../components/UserSelect';
import type { AuditEntry, Page } from '../types';

interface Filters {
  organisationId?: string;
  actorId?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface Query {
  organisationId?: string;
  actorId?: string;
  entityType?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Top-level keys whose values differ between the two snapshots. */
function changedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function Snapshots({ entry }: { entry: AuditEntry }) {
  const changed = changedKeys(entry.before, entry.after);
  return (
    <div>
      {changed.length > 0 && (
        <Typography.Paragraph>
          变更字段：
          {changed.map((k) => (
            <Tag key={k} color="blue">
              {k}
            </Tag>
          ))}
        </Typography.Paragraph>
      )}
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <JsonView label="变更前" value={entry.before} />
        <JsonView label="变更后" value={entry.after} />
      </div>
      {entry.ip && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          来源 IP：{entry.ip}
        </Typography.Text>
      )}
    </div>
  );
}

/** Visually hidden, still read by screen readers. */
const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

const columns: TableColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatTime(v) },
  { title: '操作人', dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? '系统' },
  { title: '机构', dataIndex: 'organisationName', width: 180, render: (v: string | null) => v ?? '—' },
  { title: '动作', dataIndex: 'action', width: 160, render: (v: string) => <Tag>{v}</Tag> },
  { title: '对象类型', dataIndex: 'entityType', width: 130 },
  {
    title: '对象 ID',
    dataIndex: 'entityId',
    render: (v: string | null) =>
      v ? (
        <Typography.Text code copyable={{ tooltips: ['复制', '已复制'] }} style={{ fontSize: 12 }}>
          {v}
        </Typography.Text>
      ) : (
        '—'
      ),
  },
];

export default function AuditPage() {
  const report = useErrorReporter();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });

  const { data, loading } = useLatestLoad<Page<AuditEntry>>(
    useCallback(() => api.audit.list(query), [query]),
    report,
  );

  const apply = (f: Filters) =>
    setQuery((q) => ({
      pageSize: q.pageSize,
      page: 1,
      organisationId: f.organisationId || undefined,
      actorId: f.actorId || undefined,
      entityType: f.entityType?.trim() || undefined,
      from: f.range?.[0]?.startOf('day').toISOString(),
      to: f.range?.[1]?.endOf('day').toISOString(),
    }));

  return (
    <Card title="审计日志">
      <Form<Filters> form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item label="机构" name="organisationId">
          <OrgTreeSelect allowClear placeholder="全部机构" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label="操作人" name="actorId">
          <UserSelect placeholder="全部用户" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="对象类型" name="entityType">
          <Input placeholder="例如：organisation" allowClear style={{ width: 170 }} />
        </Form.Item>
        <Form.Item label="时间" name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            重置
          </Button>
        </Form.Item>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        expandable={{
          columnTitle: <span style={srOnly}>展开详情</span>,
          expandedRowRender: (entry) => <Snapshots entry={entry} />,
          rowExpandable: (entry) => entry.before !== null || entry.after !== null,
        }}
        locale={{ emptyText: '没有符合条件的记录' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
      />
    </Card>
  );
}

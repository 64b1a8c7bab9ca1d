// 豁免记录: every override of a blocking finding in the user's organisations, newest first, for the openness
// office's oversight. Only the masked excerpt is kept, never the matched personal data.
import { Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useLatestLoad } from '../components/useLatestLoad';
import { reviewApi } from '../api';
import type { Page, ReviewOverride } from '../types';
import { useErrorReporter } from '../components/errors';
import { formatTime } from '../components/format';
import { DocLink } from '../components/review/DocLink';
import { categoryLabel } from '../components/review/labels';

export default function ReviewOverridesPage() {
  const report = useErrorReporter();
  const [query, setQuery] = useState({ page: 1, pageSize: 20 });

  const { data, loading } = useLatestLoad<Page<ReviewOverride>>(
    useCallback(() => reviewApi.overrides(query), [query]),
    report,
  );

  const columns: TableColumnsType<ReviewOverride> = [
    { title: '时间', width: 150, render: (_, o) => formatTime(o.at) },
    { title: '文件', render: (_, o) => <DocLink id={o.documentId} title={o.documentTitle} /> },
    { title: '问题', width: 150, render: (_, o) => categoryLabel(o.category) },
    { title: '位置', width: 170, dataIndex: 'location' },
    { title: '内容（已脱敏）', width: 190, render: (_, o) => <Typography.Text code>{o.excerpt}</Typography.Text> },
    { title: '豁免理由', dataIndex: 'reason' },
    { title: '审核人', width: 110, dataIndex: 'userName' },
  ];

  return (
    <Card title="豁免记录">
      <Typography.Paragraph>审核人对阻止发布的问题记录的豁免及理由，供政务公开办监督；每条豁免同时记入审计日志。</Typography.Paragraph>
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setQuery({ page, pageSize }) }}
      />
    </Card>
  );
}

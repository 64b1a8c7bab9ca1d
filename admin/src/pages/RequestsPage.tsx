// 依申请公开: the staff case list (filters, paging, due dates with near/overdue tags, sort by due date, groups of
// requests for the same information). With ?id= the page shows one case.
import { Alert, Button, Card, Collapse, DatePicker, Input, Radio, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useCan } from '../auth';
import { useErrorReporter } from '../components/errors';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { useLatestLoad } from '../components/useLatestLoad';
import { requestsApi, type CaseGroup, type CaseListItem, type CaseQuery } from '../components/requests/api';
import { CaseView } from '../components/requests/CaseView';
import { DueCell, StateTag, nameOf, useVocabulary } from '../components/requests/shared';
import { href, navigate, useLocation } from '../router';
import type { Page } from '../types';

const open = (caseId: string) => navigate(`/requests?id=${encodeURIComponent(caseId)}`);

function CaseLink({ id, children }: { id: string; children: string }) {
  return (
    <a
      href={href(`/requests?id=${encodeURIComponent(id)}`)}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        open(id);
      }}
    >
      {children}
    </a>
  );
}

export default function RequestsPage() {
  const caseId = useLocation().search.get('id');
  return caseId ? <CaseView id={caseId} /> : <CaseList />;
}

function CaseList() {
  const report = useErrorReporter();
  const can = useCan();
  const vocabulary = useVocabulary();
  const [query, setQuery] = useState<CaseQuery>({ page: 1, pageSize: 20 });
  const [groups, setGroups] = useState<CaseGroup[]>([]);
  const { data, loading } = useLatestLoad<Page<CaseListItem>>(
    useCallback(() => requestsApi.list(query), [query]),
    report,
  );
  useEffect(() => {
    requestsApi.groups().then((g) => setGroups(g.items), report);
  }, [report]);
  const set = (patch: Partial<CaseQuery>) => setQuery({ ...query, ...patch, page: 1 });

  const columns: TableColumnsType<CaseListItem> = [
    { title: '受理编号', dataIndex: 'trackingNo', render: (_, c) => <CaseLink id={c.id}>{c.trackingNo}</CaseLink> },
    { title: '所需信息', dataIndex: 'informationTitle' },
    { title: '承办机构', dataIndex: 'orgName' },
    { title: '申请人类型', render: (_, c) => nameOf(vocabulary?.applicantKinds, c.applicantKind) },
    { title: '渠道', render: (_, c) => nameOf(vocabulary?.channels, c.channel) },
    { title: '收到日期', dataIndex: 'receivedOn' },
    { title: '答复期限', render: (_, c) => <DueCell due={c.answerDue} urgency={c.urgency} /> },
    { title: '状态', render: (_, c) => <StateTag state={c.state} name={c.stateName} /> },
    { title: '承办人', render: (_, c) => c.handlerName ?? '—' },
  ];

  return (
    <Card
      title="依申请公开"
      extra={can('request.handle') ? <Button type="primary" onClick={() => navigate('/request-register')}>登记线下申请</Button> : null}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {groups.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={`有 ${groups.length} 组申请涉及同一信息，可考虑转为主动公开（《条例》第四十四条）`}
            description={
              <Collapse
                ghost
                size="small"
                items={groups.map((g) => ({
                  key: g.key,
                  label: `${g.informationTitle}（${g.count} 件，${g.reason}${g.suggestedProactive ? `，${g.suggestedProactive} 人建议主动公开` : ''}）`,
                  children: (
                    <Space wrap>
                      {g.cases.map((c) => (
                        <CaseLink key={c.id} id={c.id}>{`${c.trackingNo}（${c.stateName}）`}</CaseLink>
                      ))}
                    </Space>
                  ),
                }))}
              />
            }
          />
        )}
        <Space wrap>
          <OrgTreeSelect aria-label="按机构筛选" allowClear placeholder="全部机构（含下级）" style={{ width: 220 }} value={query.organisationId} onChange={(v) => set({ organisationId: v })} />
          <Select
            aria-label="按状态筛选"
            allowClear
            placeholder="全部状态"
            style={{ width: 140 }}
            options={vocabulary?.states.map((s) => ({ value: s.value, label: s.name }))}
            value={query.state}
            onChange={(v) => set({ state: v })}
          />
          <Select
            aria-label="按期限筛选"
            allowClear
            placeholder="全部期限"
            style={{ width: 190 }}
            options={[
              { value: 'near', label: '临近到期（3 个工作日内）' },
              { value: 'overdue', label: '已超期' },
            ]}
            value={query.urgency}
            onChange={(v) => set({ urgency: v })}
          />
          <Select
            aria-label="按申请人类型筛选"
            allowClear
            placeholder="全部申请人类型"
            style={{ width: 160 }}
            options={vocabulary?.applicantKinds.map((s) => ({ value: s.value, label: s.name }))}
            value={query.applicantKind}
            onChange={(v) => set({ applicantKind: v })}
          />
          <DatePicker.RangePicker
            aria-label="收到日期范围"
            placeholder={['收到日期起', '收到日期止']}
            onChange={(range) => set({ receivedFrom: range?.[0]?.format('YYYY-MM-DD'), receivedTo: range?.[1]?.format('YYYY-MM-DD') })}
          />
          <Input.Search aria-label="搜索受理编号、信息名称或文号" placeholder="受理编号、信息名称或文号" allowClear onSearch={(q) => set({ q })} style={{ width: 260 }} />
          <Radio.Group
            aria-label="排序"
            value={query.sort ?? 'received'}
            onChange={(e) => set({ sort: e.target.value as CaseQuery['sort'] })}
            options={[
              { value: 'received', label: '按收到日期' },
              { value: 'due', label: '按答复期限' },
            ]}
          />
        </Space>
        <Table
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>没有符合条件的申请</span> }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showTotal: (total) => `共 ${total} 件`,
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
        />
        <Typography.Text type="secondary">答复期限按工作日历自动计算；补正、征求意见、收费期间不计算在内。</Typography.Text>
      </Space>
    </Card>
  );
}

// 年度报表（依申请公开统计）: tables 3 and 4 of the annual report for a year, an organisation and its scope, in the
// official layout, with the cross-check results and the XLSX export. The server computes everything.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Radio, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useAuth } from '../auth';
import { errorMessage } from '../components/errors';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { useLatestLoad } from '../components/useLatestLoad';
import { reportsApi, type ReportScope, type RequestStatistics } from '../components/reports/api';
import { Table3View, Table4View } from '../components/reports/RequestTables';

const FIRST_YEAR = 2008;

export default function AnnualRequestsReportPage() {
  const { user } = useAuth();
  const thisYear = new Date().getFullYear();
  // Reports are compiled in January–March for the year before.
  const [year, setYear] = useState(thisYear - 1);
  const [orgId, setOrgId] = useState<string | undefined>(user.organisationId ?? undefined);
  const [scope, setScope] = useState<ReportScope>('self');
  const [error, setError] = useState<string | null>(null);
  const years = useMemo(
    () => Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年` })),
    [thisYear],
  );

  const fetch = useCallback(async (): Promise<RequestStatistics | null> => {
    if (!orgId) return null;
    setError(null);
    return reportsApi.requests(year, orgId, scope);
  }, [year, orgId, scope]);
  const report = useCallback((err: unknown) => setError(errorMessage(err)), []);
  const { data, loading } = useLatestLoad(fetch, report);
  const stats = error ? null : data;

  return (
    <Card
      title="年度报表（依申请公开统计）"
      extra={
        orgId && (
          <Button icon={<DownloadOutlined />} href={reportsApi.requestsXlsxUrl(year, orgId, scope)} download>
            导出 XLSX
          </Button>
        )
      }
    >
      <Typography.Paragraph>
        按《中华人民共和国政府信息公开工作年度报告格式》生成年度报告第三部分（收到和处理政府信息公开申请情况）和第四部分（政府信息公开行政复议、行政诉讼情况），数据取自依申请公开案件，统计期间为当年
        1 月 1 日至 12 月 31 日。
      </Typography.Paragraph>
      <Form layout="inline" name="reportQuery" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="年度" htmlFor="report-year">
          <Select id="report-year" value={year} onChange={setYear} options={years} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="机构" htmlFor="report-org">
          <OrgTreeSelect id="report-org" value={orgId} onChange={setOrgId} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item label="统计范围">
          <Radio.Group
            aria-label="统计范围"
            value={scope}
            onChange={(e) => setScope(e.target.value as ReportScope)}
            options={[
              { value: 'self', label: '本机构' },
              { value: 'subtree', label: '含下级机构' },
            ]}
          />
        </Form.Item>
      </Form>
      {!orgId && <Alert type="info" showIcon title="请选择机构。" />}
      {error && <Alert type="error" showIcon title={error} />}
      <Spin spinning={loading} aria-label="加载中">
        {stats && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Text>
              {stats.organisation.name}
              {stats.scope === 'subtree' ? `（含下级机构，共 ${stats.organisationCount} 个机构）` : ''}，{stats.period.from} 至{' '}
              {stats.period.to}
            </Typography.Text>
            {stats.partial && (
              <Alert
                type="info"
                showIcon
                title={`${stats.year} 年尚未结束，数据截至 ${stats.asOf}；“结转下年度继续办理”为目前仍在办理的申请。`}
              />
            )}
            <Alert
              data-testid="report-checks"
              type={stats.ok ? 'success' : 'error'}
              showIcon
              title={stats.ok ? '勾稽关系校验全部通过' : '勾稽关系校验未通过'}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {stats.checks.map((c) => (
                    <li key={c.id}>
                      {c.ok ? '通过' : '未通过'}：{c.label}
                      {c.failures.length > 0 && `（${c.failures.join('；')}）`}
                    </li>
                  ))}
                </ul>
              }
            />
            <Table3View table={stats.table3} />
            <Table4View table={stats.table4} />
          </Space>
        )}
      </Spin>
    </Card>
  );
}

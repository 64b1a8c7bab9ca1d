// 备案审查: filings of normative documents. The issuer's staff file (报送备案), the judicial bureau reviews (通过 / 纠正
// / 撤销 with opinion), the openness office watches the overdue list. Every action asks for confirmation.
import { App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useLatestLoad } from '../components/useLatestLoad';
import { normativeApi, type Filing } from '../api';
import type { Page } from '../types';
import { useErrorReporter } from '../components/errors';
import { ToneTag, type Tone } from '../components/normative/ToneTag';
import { OrgTreeSelect } from '../components/OrgTreeSelect';

const STATES = [
  { value: 'due', label: '待报备' },
  { value: 'filed', label: '已报备待审查' },
  { value: 'reviewed', label: '已审查' },
];
const RESULT_TONES: Record<string, Tone> = { passed: 'green', correction: 'orange', revoked: 'red' };

type Query = { state?: string; overdue?: boolean; organisationId?: string; q?: string; page: number; pageSize: number };

export default function NormativeFilingsPage() {
  const report = useErrorReporter();
  const { message } = App.useApp();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const [filing, setFiling] = useState<Filing | null>(null);
  const [reviewing, setReviewing] = useState<Filing | null>(null);

  const { data, loading, load } = useLatestLoad<Page<Filing>>(
    useCallback(() => normativeApi.filings(query), [query]),
    report,
  );

  const columns: TableColumnsType<Filing> = [
    { title: '文件', dataIndex: 'title', render: (_, f) => <Space direction="vertical" size={0}><span>{f.title}</span>{f.docNo && <Typography.Text type="secondary">{f.docNo}</Typography.Text>}</Space> },
    { title: '制定机关', render: (_, f) => f.issuer.name },
    { title: '备案审查机关', render: (_, f) => f.authority?.name ?? <ToneTag tone="orange">未确定</ToneTag> },
    { title: '公布日期', dataIndex: 'publishedOn' },
    { title: '报备期限', dataIndex: 'dueOn' },
    {
      title: '状态',
      render: (_, f) => (
        <Space wrap>
          <ToneTag tone="grey">{f.stateName}</ToneTag>
          {f.resultName && <ToneTag tone={RESULT_TONES[f.result ?? ''] ?? 'grey'}>{f.resultName}</ToneTag>}
          {f.overdueName && <ToneTag tone="red">{f.overdueName}</ToneTag>}
        </Space>
      ),
    },
    {
      title: '操作',
      render: (_, f) => (
        <Space>
          {f.canFile && <Button size="small" onClick={() => setFiling(f)}>报送备案</Button>}
          {f.canReview && <Button size="small" type="primary" onClick={() => setReviewing(f)}>审查</Button>}
        </Space>
      ),
    },
  ];

  return (
    <Card title="备案审查">
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect aria-label="按机构筛选" allowClear placeholder="全部机构" style={{ width: 240 }} value={query.organisationId} onChange={(v) => setQuery({ ...query, organisationId: v, page: 1 })} />
        <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 160 }} options={STATES} value={query.state} onChange={(v) => setQuery({ ...query, state: v, page: 1 })} />
        <Space>
          <Switch aria-label="只看逾期" checked={!!query.overdue} onChange={(v) => setQuery({ ...query, overdue: v || undefined, page: 1 })} />
          <span>只看逾期（未按期报备或未按期审查）</span>
        </Space>
        <Input.Search aria-label="搜索标题或发文字号" placeholder="标题或发文字号" allowClear onSearch={(q) => setQuery({ ...query, q, page: 1 })} style={{ width: 240 }} />
      </Space>
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        expandable={{ expandedRowRender: (f) => <FilingDetail filing={f} />, rowExpandable: (f) => !!(f.filedOn || f.opinion) }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
      />
      {filing && <FileModal filing={filing} onClose={() => setFiling(null)} onDone={() => { setFiling(null); message.success('已报送备案'); load(); }} />}
      {reviewing && <ReviewModal filing={reviewing} onClose={() => setReviewing(null)} onDone={() => { setReviewing(null); message.success('已记录审查结果'); load(); }} />}
    </Card>
  );
}

function FilingDetail({ filing }: { filing: Filing }) {
  return (
    <Space direction="vertical">
      {filing.filedOn && <span>报送日期：{filing.filedOn}；审查期限：{filing.reviewDueOn}{filing.filingNote ? `；报送说明：${filing.filingNote}` : ''}</span>}
      {filing.opinion && <span>审查意见：{filing.opinion}</span>}
      {filing.revokedFrom && <span>撤销生效日期：{filing.revokedFrom}</span>}
    </Space>
  );
}

function FileModal({ filing, onClose, onDone }: { filing: Filing; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const { modal } = App.useApp();
  const report = useErrorReporter();
  const submit = async () => {
    const values = await form.validateFields();
    modal.confirm({
      title: '确认报送备案？',
      content: `将《${filing.title}》报送${filing.authority?.name ?? ''}备案审查。`,
      okText: '报送',
      cancelText: '取消',
      onOk: () => normativeApi.file(filing.id, { filedOn: values.filedOn?.format('YYYY-MM-DD'), note: values.note || null }).then(onDone, (err) => report(err, form)),
    });
  };
  return (
    <Modal open title="报送备案" okText="报送" cancelText="取消" onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ filedOn: dayjs() }}>
        <Form.Item label="报送日期" name="filedOn" rules={[{ required: true, message: '请选择报送日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label="报送说明（备案报告、起草说明等）" name="note">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReviewModal({ filing, onClose, onDone }: { filing: Filing; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const { modal } = App.useApp();
  const report = useErrorReporter();
  const result = Form.useWatch('result', form);
  const submit = async () => {
    const values = await form.validateFields();
    const revoke = values.result === 'revoked';
    modal.confirm({
      title: revoke ? '确认撤销该文件？' : '确认提交审查结果？',
      content: revoke ? '撤销后将公布撤销决定（审查意见作为决定正文公开），文件自撤销生效日期起显示为已废止，且不能恢复。' : `审查结果：${values.result === 'passed' ? '通过' : '纠正'}`,
      okText: '确认',
      okButtonProps: { danger: revoke },
      cancelText: '取消',
      onOk: () =>
        normativeApi
          .review(filing.id, { result: values.result, opinion: values.opinion || null, revokedFrom: revoke ? values.revokedFrom.format('YYYY-MM-DD') : null })
          .then(onDone, (err) => report(err, form)),
    });
  };
  return (
    <Modal open title={`审查：${filing.title}`} okText="提交" cancelText="取消" onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ result: 'passed', revokedFrom: dayjs() }}>
        <Form.Item label="审查结果" name="result">
          <Radio.Group options={[{ value: 'passed', label: '通过' }, { value: 'correction', label: '纠正' }, { value: 'revoked', label: '撤销' }]} />
        </Form.Item>
        <Form.Item label="审查意见" name="opinion" rules={[{ required: result !== 'passed', message: '纠正或撤销时必须填写审查意见' }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        {result === 'revoked' && (
          <Form.Item label="撤销生效日期" name="revokedFrom" rules={[{ required: true, message: '请选择撤销生效日期' }]}>
            <DatePicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

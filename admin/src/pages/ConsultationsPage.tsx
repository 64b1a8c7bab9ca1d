// 意见征集: the consultations of the user's organisations — list with filters and paging, the editor for drafts
// (草案 with 第X条 structure, 起草说明, period, channels, contact) and, per consultation, the drawer with
// publishing, moderation, letters entered by staff, per-comment decisions and the adoption report.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Form, Input, Select, Space, Table, Typography } from 'antd';
import { ToneTag, type Tone } from '../components/normative/ToneTag';
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../auth';
import { useErrorReporter } from '../components/errors';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { navigate, useLocation } from '../router';
import { consultationApi, kindOptions, phaseOptions, type Consultation, type ConsultationInput, type ConsultationSummary, type Phase } from '../components/consultations/api';
import { ConsultationPanel } from '../components/consultations/ConsultationPanel';
import { ModerationQueue } from '../components/consultations/ModerationQueue';
import type { Page } from '../types';

type Values = Omit<ConsultationInput, 'channels'> & { organisationId?: string; channelsText: string };

const phaseTone: Record<Phase, Tone> = { draft: 'grey', upcoming: 'blue', open: 'green', closed: 'orange', concluded: 'blue', withdrawn: 'grey' };
const PhaseTag = ({ phase, name }: { phase: Phase; name: string }) => <ToneTag tone={phaseTone[phase]}>{name}</ToneTag>;

const channelsToText = (c: ConsultationInput['channels']) => c.map((x) => `${x.kind}：${x.detail}`).join('\n');
const textToChannels = (t: string) =>
  t
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [kind, ...rest] = l.split(/[：:]/);
      return { kind: (kind ?? '').trim(), detail: rest.join('：').trim() };
    });

export default function ConsultationsPage() {
  const { user, permissions } = useAuth();
  const { message } = App.useApp();
  const [refreshKey, setRefreshKey] = useState(0);
  const report = useErrorReporter();
  const location = useLocation();
  const [form] = Form.useForm<Values>();
  const [filter, setFilter] = useState<{ phase?: string; q?: string; page: number }>({ page: 1 });
  const [list, setList] = useState<Page<ConsultationSummary> | null>(null);
  const [editing, setEditing] = useState<Consultation | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const openId = location.search.get('open');

  const load = useCallback(() => consultationApi.list({ ...filter, pageSize: 20 }).then(setList, report), [filter, report]);
  useEffect(() => {
    void load();
  }, [load]);

  const startEdit = (c: Consultation | 'new') => {
    setEditing(c);
    if (c === 'new') {
      form.resetFields();
      form.setFieldsValue({ organisationId: user.organisationId ?? undefined, kind: 'normative', channelsText: '网上：在本页面提交\n信函：\n电子邮件：' });
    } else form.setFieldsValue({ ...c, channelsText: channelsToText(c.channels) });
  };

  const save = async () => {
    const v = await form.validateFields();
    const input: ConsultationInput = {
      kind: v.kind,
      title: v.title,
      draftText: v.draftText,
      explanation: v.explanation,
      opensOn: v.opensOn,
      closesOn: v.closesOn,
      shortenedReason: v.shortenedReason || null,
      channels: textToChannels(v.channelsText ?? ''),
      contact: v.contact,
    };
    setBusy(true);
    try {
      const saved = editing === 'new' ? await consultationApi.create({ ...input, organisationId: v.organisationId! }) : await consultationApi.update((editing as Consultation).id, input);
      void message.success('已保存意见征集草稿');
      setEditing(null);
      await load();
      navigate(`/consultations?open=${saved.id}`);
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="意见征集"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => startEdit('new')}>
            新建意见征集
          </Button>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label="按状态筛选"
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            options={phaseOptions}
            value={filter.phase}
            onChange={(phase) => setFilter({ ...filter, phase, page: 1 })}
          />
          <Input.Search aria-label="按标题搜索" placeholder="按标题搜索" allowClear onSearch={(q) => setFilter({ ...filter, q: q || undefined, page: 1 })} style={{ width: 260 }} />
        </Space>
        <Table<ConsultationSummary>
          rowKey="id"
          loading={!list}
          dataSource={list?.items ?? []}
          pagination={{ current: filter.page, pageSize: 20, total: list?.total ?? 0, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 项` }}
          columns={[
            { title: '标题', dataIndex: 'title', render: (t: string, r) => <a onClick={() => navigate(`/consultations?open=${r.id}`)}>{t}</a> },
            { title: '机构', dataIndex: 'organisationName' },
            { title: '类别', dataIndex: 'kindName' },
            { title: '征集期', render: (_, r) => `${r.opensOn} 至 ${r.closesOn}` },
            { title: '状态', render: (_, r) => <PhaseTag phase={r.phase} name={r.phaseName} /> },
            { title: '公开意见', dataIndex: 'commentCount' },
          ]}
        />
      </Card>
      {openId && <ConsultationPanel key={openId} id={openId} refreshKey={refreshKey} onClose={() => navigate('/consultations')} onEdit={startEdit} onChanged={() => (void load(), setRefreshKey((k) => k + 1))} />}
      {permissions.includes('consultation.moderate') && <ModerationQueue refreshKey={refreshKey} onChanged={() => (void load(), setRefreshKey((k) => k + 1))} />}
      <Drawer title={editing === 'new' ? '新建意见征集' : '修改意见征集'} open={editing !== null} onClose={() => setEditing(null)} width={760} destroyOnClose
        extra={<Button type="primary" loading={busy} onClick={save}>保存</Button>}>
        <Form form={form} layout="vertical">
          {editing === 'new' && (
            <Form.Item name="organisationId" label="征集机构" rules={[{ required: true, message: '请选择机构' }]}>
              <OrgTreeSelect />
            </Form.Item>
          )}
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label="草案类别" extra="重大行政决策与规章一般不少于 30 日，行政规范性文件一般不少于 7 个工作日。">
            <Select options={kindOptions} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="opensOn" label="开始日期" rules={[{ required: true, message: '请填写开始日期' }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="closesOn" label="截止日期" rules={[{ required: true, message: '请填写截止日期' }]}>
              <Input type="date" />
            </Form.Item>
          </Space>
          <Form.Item name="shortenedReason" label="缩短征集期的理由（征集期短于法定下限时必填）">
            <Input maxLength={1000} />
          </Form.Item>
          <Form.Item name="explanation" label="起草说明" rules={[{ required: true, message: '请填写起草说明' }]}>
            <Input.TextArea rows={5} maxLength={50000} />
          </Form.Item>
          <Form.Item name="draftText" label="征求意见稿全文" extra="每条另起一行，以“第一条”“第二条”等开头；章标题写作“第一章　总则”；同一条的后续各行为各款。" rules={[{ required: true, message: '请填写草案全文' }]}>
            <Input.TextArea rows={14} maxLength={200000} />
          </Form.Item>
          <Form.Item name="channelsText" label="提交意见的渠道（每行一种，格式“渠道：说明”）" rules={[{ required: true, message: '请至少填写一种渠道' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="contact" label="联系方式（联系人、电话）" rules={[{ required: true, message: '请填写联系方式' }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Typography.Text type="secondary">保存后为草稿，发布后按开始日期对公众开放。</Typography.Text>
        </Form>
      </Drawer>
    </Space>
  );
}

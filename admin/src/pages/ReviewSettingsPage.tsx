// 审查设置: review steps per organisation (e.g. 初审 / 复审 / 终审; inherited from the nearest ancestor, default one
// step 审核) and the 三同步 rules (the kinds of document that need a published interpretation or a recorded plan).
import { App, Button, Card, Form, Select, Space, Table, Typography } from 'antd';
import type { SelectProps, TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { reviewApi } from '../api';
import type { InterpretationRule } from '../types';
import { useAuth } from '../auth';
import { useErrorReporter } from '../components/errors';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { GENRE_OPTIONS, genreLabel, NORMATIVE_LABELS } from '../components/documents/labels';
import { RULE_MATCH_LABELS } from '../components/review/labels';
import { useCanManageReviewSettings } from '../components/review/permissions';

export default function ReviewSettingsPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <StepsCard />
      <RulesCard />
    </Space>
  );
}

function StepsCard() {
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const [orgId, setOrgId] = useState<string | undefined>(user.organisationId ?? undefined);
  const [steps, setSteps] = useState<string[]>([]);
  const [inherited, setInherited] = useState(true);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    if (!orgId) return;
    reviewApi.steps(orgId).then((r) => {
      setSteps(r.steps);
      setInherited(r.inherited);
    }, report);
  }, [orgId, report]);
  useEffect(load, [load]);

  const save = async (value: string[] | null) => {
    if (!orgId) return;
    setBusy(true);
    try {
      const r = await reviewApi.setSteps(orgId, value);
      setSteps(r.steps);
      setInherited(r.inherited);
      void message.success(value ? '已保存审查步骤' : '已改为继承上级机构的审查步骤');
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="审查步骤">
      <Typography.Paragraph>
        每个机构可设置 1–6 个审查步骤（如初审、复审、终审），按顺序由不同的审核人签批，提交人不能签批；最后一步由“审核通过”签批。未设置的机构继承上级机构，默认一步“审核”。
      </Typography.Paragraph>
      <Form layout="vertical" name="reviewSteps" style={{ maxWidth: 560 }}>
        <Form.Item label="机构" htmlFor="review-steps-org">
          <OrgTreeSelect id="review-steps-org" value={orgId} onChange={setOrgId} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="审查步骤（按顺序输入，回车确认每一步）" htmlFor="review-steps" extra={inherited ? '当前继承上级机构（或默认）的设置。' : '本机构自行设置。'}>
          <Select id="review-steps" mode="tags" value={steps} onChange={setSteps} open={false} tokenSeparators={['、', ',', '，']} placeholder="如：初审、复审、终审" />
        </Form.Item>
        <Space>
          <Button type="primary" loading={busy} disabled={!orgId || steps.length === 0} onClick={() => void save(steps)}>
            保存
          </Button>
          <Button
            disabled={!orgId || inherited}
            onClick={() =>
              modal.confirm({
                title: '改为继承上级机构的审查步骤？',
                content: '本机构自行设置的审查步骤将被删除。',
                okText: '继承上级',
                okButtonProps: { danger: true },
                cancelText: '取消',
                onOk: () => save(null),
              })
            }
          >
            继承上级
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

const NORMATIVE_OPTIONS: SelectProps['options'] = Object.entries(NORMATIVE_LABELS).map(([value, label]) => ({ value, label }));

function RulesCard() {
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const canManage = useCanManageReviewSettings();
  const [form] = Form.useForm<{ match: InterpretationRule['match']; value: string }>();
  const match = Form.useWatch('match', form);
  const [items, setItems] = useState<InterpretationRule[]>([]);
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    reviewApi
      .interpretationRules()
      .then((r) => setItems(r.items), report)
      .finally(() => setLoading(false));
  }, [report]);
  useEffect(load, [load]);

  const valueLabel = (r: InterpretationRule) => (r.match === 'genre' ? genreLabel(r.value) : (NORMATIVE_LABELS[r.value as keyof typeof NORMATIVE_LABELS] ?? r.value));

  const add = async () => {
    const v = await form.validateFields();
    try {
      await reviewApi.addInterpretationRule(v.match, v.value);
      void message.success('已添加三同步规则');
      form.resetFields(['value']);
      load();
    } catch (err) {
      report(err, form);
    }
  };

  const remove = (r: InterpretationRule) =>
    modal.confirm({
      title: `删除三同步规则“${valueLabel(r)}”？`,
      content: '此类文件发布时将不再要求关联政策解读或登记解读方案。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        reviewApi.removeInterpretationRule(r.id).then(() => {
          void message.success('已删除三同步规则');
          load();
        }, report),
    });

  const columns: TableColumnsType<InterpretationRule> = [
    { title: '按', width: 160, render: (_, r) => RULE_MATCH_LABELS[r.match] },
    { title: '文件类型', render: (_, r) => valueLabel(r) },
    ...(canManage
      ? [
          {
            title: '操作',
            width: 100,
            render: (_: unknown, r: InterpretationRule) => (
              <Button size="small" danger autoInsertSpace={false} aria-label={`删除规则：${valueLabel(r)}`} onClick={() => remove(r)}>
                删除
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title="三同步规则">
      <Typography.Paragraph>
        下列类型的文件须同步发布政策解读：发布前须关联已有解读，或登记解读方案（解读须在发布后规定的工作日内发布，未发布的列入发布机构的工作待办）。
      </Typography.Paragraph>
      <Table rowKey="id" size="small" loading={loading} columns={columns} dataSource={items} pagination={false} style={{ marginBottom: 16 }} />
      {canManage && (
        <Form form={form} name="interpretationRule" layout="inline" initialValues={{ match: 'normative_kind' }}>
          <Form.Item name="match" label="按">
            <Select style={{ width: 160 }} options={Object.entries(RULE_MATCH_LABELS).map(([value, label]) => ({ value, label }))} onChange={() => form.resetFields(['value'])} />
          </Form.Item>
          <Form.Item name="value" label="文件类型" rules={[{ required: true, message: '请选择文件类型' }]}>
            <Select style={{ width: 220 }} showSearch={{ optionFilterProp: 'label' }} options={(match === 'genre' ? GENRE_OPTIONS : NORMATIVE_OPTIONS) as SelectProps['options']} placeholder="选择" />
          </Form.Item>
          <Button type="primary" onClick={() => void add().catch(() => undefined)}>
            添加规则
          </Button>
        </Form>
      )}
    </Card>
  );
}

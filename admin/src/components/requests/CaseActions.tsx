// The actions the case lifecycle allows now for this user (the API's `actions`), each in a dialog with its fields and
// the date it takes effect. Irreversible actions (answer, abandon, withdraw, transfer, archive …) ask to confirm.
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useErrorReporter } from '../errors';
import { requestsApi, type CaseDetail, type FeeQuote, type Vocabulary } from './api';
import { OutcomeFields } from './OutcomeFields';
import { TransferTargetSelect } from './TransferTargetSelect';
import { yuan } from './shared';

type ActionDef = {
  label: string;
  /** Shown in the dialog: what the action does to the deadline. */
  note?: string;
  /** Set for irreversible or destructive actions: the confirmation question. */
  confirm?: string;
  primary?: boolean;
  danger?: boolean;
};

export const ACTIONS: Record<string, ActionDef> = {
  accepted: { label: '开始办理', primary: true, note: '受理后案件进入办理中，答复期限继续计算。' },
  correction_requested: { label: '要求补正', note: '补正告知只能发出一次，须一次性写明全部补正事项；答复期限自申请人补正之日重新计算。' },
  corrected: { label: '登记收到补正', note: '收到申请人（线下）补正材料的日期即重新起算答复期限之日。' },
  correction_lapsed: { label: '逾期未补正，视为放弃', danger: true, confirm: '确认申请人逾期未补正、视为放弃申请？此操作不可撤销。' },
  consultation_started: { label: '征求意见', note: '征求第三方或其他机关意见期间不计入答复期限。' },
  consultation_answered: { label: '登记征求意见答复', note: '登记后答复期限恢复计算。' },
  extension_approved: { label: '批准延期', note: '延期只能一次，最长 20 个工作日，须由政务公开工作机构负责人同意（《条例》第三十三条）。', confirm: '确认批准延期？每个案件只能延期一次。' },
  fee_notified: { label: '发出收费通知', note: '按件或按量一种方式计收，金额由系统按标准计算；通知期间不计入答复期限。', confirm: '确认发出收费通知？每个案件只能收费一次。' },
  fee_paid: { label: '登记缴费', note: '登记后答复期限恢复计算。' },
  fee_lapsed: { label: '逾期未缴费，视为放弃', danger: true, confirm: '确认申请人逾期未缴费、视为放弃申请？此操作不可撤销。' },
  legal_review_requested: { label: '提请法律审核', note: '部分公开、不予公开等答复须先经法律审核；审核期间答复期限照常计算。' },
  legal_review_passed: { label: '法律审核通过', primary: true },
  legal_review_returned: { label: '法律审核退回', danger: true },
  answered: { label: '作出答复', primary: true, confirm: '确认作出答复？答复后不能修改，案件办结。' },
  delivered: { label: '登记送达', confirm: '确认答复书已送达申请人？' },
  archived: { label: '归档', confirm: '确认归档？归档后案件不能再办理。' },
  withdrawn: { label: '登记申请人撤回', danger: true, confirm: '确认申请人已撤回申请？案件将办结，不可恢复。' },
  transferred: { label: '转办', danger: true, confirm: '确认转其他机关办理？本机关的案件将办结，由接收机关以收到之日重新起算。' },
};

export function CaseActions({ detail, vocabulary, onChanged }: { detail: CaseDetail; vocabulary: Vocabulary; onChanged: (d: CaseDetail) => void }) {
  const [active, setActive] = useState<string | null>(null);
  const allowed = detail.actions.filter((a) => a.allowed && ACTIONS[a.type]);
  if (allowed.length === 0) return null;
  return (
    <Card title="办理操作" size="small">
      <Space wrap>
        {allowed.map((a) => {
          const def = ACTIONS[a.type]!;
          return (
            <Button key={a.type} type={def.primary ? 'primary' : 'default'} danger={def.danger} onClick={() => setActive(a.type)}>
              {def.label}
            </Button>
          );
        })}
      </Space>
      {active && (
        <ActionDialog
          type={active}
          detail={detail}
          vocabulary={vocabulary}
          onClose={() => setActive(null)}
          onDone={(d) => {
            setActive(null);
            onChanged(d);
          }}
        />
      )}
    </Card>
  );
}

function ActionDialog({ type, detail, vocabulary, onClose, onDone }: { type: string; detail: CaseDetail; vocabulary: Vocabulary; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const def = ACTIONS[type]!;
  const [form] = Form.useForm();
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const [busy, setBusy] = useState(false);
  const send = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      const d = await requestsApi.record(detail.id, { type, ...bodyOf(type, values) } as { type: string; occurredOn: string });
      void message.success(`已${def.label}`);
      onDone(d);
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    if (def.confirm) {
      modal.confirm({ title: def.confirm, okText: '确认', cancelText: '取消', okButtonProps: { danger: def.danger }, onOk: () => send(values) });
    } else await send(values);
  };
  return (
    <Modal open title={`${def.label}（${detail.trackingNo}）`} okText={def.label} cancelText="取消" confirmLoading={busy} onOk={submit} onCancel={onClose} width={640} destroyOnHidden>
      {def.note && <Typography.Paragraph type="secondary">{def.note}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={{ occurredOn: dayjs(vocabulary.today), feeMethod: 'per_volume', kind: 'third_party' }}>
        <Form.Item label={dateLabel(type)} name="occurredOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > vocabulary.today} />
        </Form.Item>
        <Fields type={type} form={form} detail={detail} vocabulary={vocabulary} />
      </Form>
    </Modal>
  );
}

const dateLabel = (type: string) =>
  ({
    correction_requested: '告知日期',
    corrected: '收到补正日期',
    consultation_started: '发出征求意见日期',
    consultation_answered: '收到答复日期',
    extension_approved: '批准日期',
    fee_notified: '通知日期',
    fee_paid: '缴费日期',
    answered: '答复日期',
    delivered: '送达日期',
    transferred: '转办日期',
  })[type] ?? '日期';

function bodyOf(type: string, v: Record<string, unknown>): Record<string, unknown> {
  const day = (x: unknown) => (x && dayjs.isDayjs(x) ? x.format('YYYY-MM-DD') : undefined);
  const { occurredOn, feeMethod, amount, dueOn, receivedOn, group: _g, ...rest } = v;
  const body: Record<string, unknown> = { occurredOn: day(occurredOn) };
  for (const [k, x] of Object.entries(rest)) if (x !== undefined && x !== null && x !== '') body[k] = x;
  if (dueOn) body.dueOn = day(dueOn);
  if (receivedOn) body.receivedOn = day(receivedOn);
  if (type === 'fee_notified') body[feeMethod === 'per_request' ? 'requestCount' : 'pages'] = amount;
  return body;
}

function Fields({ type, form, detail, vocabulary }: { type: string; form: FormInstance; detail: CaseDetail; vocabulary: Vocabulary }) {
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  switch (type) {
    case 'correction_requested':
      return (
        <>
          <Form.Item label="需要补正的事项" name="what" rules={required('请写明需要补正的事项')}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item label="补正期限（不填则按默认期限）" name="dueOn">
            <DatePicker />
          </Form.Item>
        </>
      );
    case 'corrected':
      return (
        <Form.Item label="补正内容摘要" name="text">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      );
    case 'consultation_started':
      return (
        <>
          <Form.Item label="征求对象类型" name="kind">
            <Radio.Group
              options={[
                { value: 'third_party', label: '第三方（《条例》第三十二条）' },
                { value: 'agency', label: '其他行政机关（《条例》第三十四条）' },
              ]}
            />
          </Form.Item>
          <Form.Item label="征求意见对象" name="party" rules={required('请填写征求意见的对象')}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      );
    case 'consultation_answered':
    case 'legal_review_passed':
      return (
        <Form.Item label={type === 'legal_review_passed' ? '审核意见' : '答复意见摘要'} name="opinion">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      );
    case 'legal_review_returned':
      return (
        <Form.Item label="退回意见" name="opinion" rules={required('退回须写明审核意见')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      );
    case 'extension_approved':
      return (
        <>
          <Form.Item label="延期工作日数（1–20）" name="days" rules={[{ required: true, message: '请填写延期天数' }]}>
            <InputNumber min={1} max={20} precision={0} />
          </Form.Item>
          <Form.Item label="延期理由" name="reason" rules={required('请填写延期理由')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      );
    case 'fee_notified':
      return <FeeFields form={form} detail={detail} />;
    case 'legal_review_requested':
      return (
        <>
          <OutcomeFields form={form} vocabulary={vocabulary} label="拟作出的答复" />
          <Form.Item label="拟答复内容或说明" name="text">
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
        </>
      );
    case 'answered':
      return (
        <>
          <OutcomeFields form={form} vocabulary={vocabulary} label="答复类型" withBasis />
          <Form.Item label="答复内容（写入答复书）" name="text" rules={required('请填写答复内容')}>
            <Input.TextArea rows={5} maxLength={10000} showCount />
          </Form.Item>
          <Typography.Paragraph type="secondary">提供的信息（含部分公开时经处理的文件）请在答复前或答复后于“答复与提供的信息”中上传。</Typography.Paragraph>
        </>
      );
    case 'delivered':
      return (
        <Form.Item label="送达方式" name="method">
          <Input maxLength={100} placeholder="如：网上查看、邮寄（挂号信号）、当面领取" />
        </Form.Item>
      );
    case 'withdrawn':
      return (
        <Form.Item label="撤回理由" name="reason">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      );
    case 'transferred':
      return (
        <>
          <Form.Item label="接收机关" name="toOrgId" rules={[{ required: true, message: '请选择接收转办的机关' }]}>
            <TransferTargetSelect aria-label="接收机关" excludeId={detail.orgId} />
          </Form.Item>
          <Form.Item label="接收机关收到日期（不填为转办日期）" name="receivedOn">
            <DatePicker />
          </Form.Item>
          <Form.Item label="转办理由" name="reason" rules={required('请说明转办理由')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

function FeeFields({ form, detail }: { form: FormInstance; detail: CaseDetail }) {
  const method = Form.useWatch('feeMethod', form) as string | undefined;
  const amount = Form.useWatch('amount', form) as number | undefined;
  const [quote, setQuote] = useState<FeeQuote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const compute = () => {
    if (!amount) return;
    requestsApi.quote(detail.id, method === 'per_request' ? { requestCount: amount } : { pages: amount }).then(
      (q) => {
        setQuote(q);
        setError(null);
      },
      (err: Error) => setError(err.message),
    );
  };
  return (
    <>
      <Form.Item label="计收方式" name="feeMethod">
        <Radio.Group
          onChange={() => setQuote(null)}
          options={[
            { value: 'per_volume', label: '按量计收（页数）' },
            { value: 'per_request', label: '按件计收（本月申请件数）' },
          ]}
        />
      </Form.Item>
      <Form.Item label={method === 'per_request' ? '件数' : '页数'} name="amount" rules={[{ required: true, message: '请填写数量' }]}>
        <InputNumber min={1} precision={0} onBlur={compute} />
      </Form.Item>
      <Space direction="vertical">
        <Button onClick={compute}>试算金额</Button>
        {quote && (
          <Typography.Text>
            应收 {yuan(quote.amountFen)} 元：{quote.explanation}
          </Typography.Text>
        )}
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Space>
    </>
  );
}

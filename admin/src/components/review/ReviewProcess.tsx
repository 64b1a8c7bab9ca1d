// Review steps (签署 in order; the last one is signed by 审核通过) and the 三同步 state with the interpretation plan.
import { Alert, Button, Form, Input, List, Space, Typography } from 'antd';
import type { ReviewResult } from '../../types';
import { formatTime } from '../format';
import { ToneTag } from '../normative/ToneTag';

interface StepsProps {
  review: ReviewResult;
  canSign: boolean;
  busy: string | null;
  onSign: (index: number, name: string) => void;
}

export function ReviewSteps({ review, canSign, busy, onSign }: StepsProps) {
  const next = review.steps.find((s) => !s.signedBy)?.index;
  return (
    <List
      size="small"
      bordered
      dataSource={review.steps}
      renderItem={(s) => (
        <List.Item
          actions={
            canSign && review.state === 'submitted' && !s.final && !s.signedBy && s.index === next
              ? [
                  <Button key="sign" size="small" type="primary" loading={busy === `step:${s.index}`} onClick={() => onSign(s.index, s.name)}>
                    签署“{s.name}”
                  </Button>,
                ]
              : []
          }
        >
          <Space wrap>
            <span>
              第 {s.index + 1} 步：{s.name}
            </span>
            {s.signedBy ? (
              <ToneTag tone="green">
                已签批：{s.signedBy}（{formatTime(s.signedAt)}）
              </ToneTag>
            ) : (
              <ToneTag tone="grey">待签批</ToneTag>
            )}
            {s.final && !s.signedBy && <Typography.Text type="secondary">由“审核通过”签批</Typography.Text>}
            {s.note && <Typography.Text type="secondary">意见：{s.note}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}

interface PlanProps {
  review: ReviewResult;
  canRecord: boolean;
  busy: boolean;
  onRecord: (plan: string) => Promise<void>;
}

export function InterpretationState({ review, canRecord, busy, onRecord }: PlanProps) {
  const [form] = Form.useForm<{ plan: string }>();
  const i = review.interpretation;
  if (!i.required) return <Typography.Paragraph>此类文件无须同步发布政策解读。</Typography.Paragraph>;
  const submit = async () => {
    const { plan } = await form.validateFields();
    await onRecord(plan.trim());
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {i.linked ? (
        <Alert type="success" showIcon title="已关联政策解读，满足三同步要求。" />
      ) : i.plan ? (
        <Alert
          type="info"
          showIcon
          title="已登记解读方案"
          description={
            <>
              <div>{i.plan.plan}</div>
              {i.plan.dueOn && <div>解读须于 {i.plan.dueOn} 前发布。</div>}
            </>
          }
        />
      ) : (
        <Alert type="warning" showIcon title="此类文件须同步发布政策解读：请关联解读，或登记解读方案后再发布。" />
      )}
      {canRecord && !i.linked && (
        <Form form={form} name="interpretationPlan" layout="vertical" initialValues={{ plan: i.plan?.plan ?? '' }}>
          <Form.Item name="plan" label="解读方案（解读形式、责任人、计划发布时间）" rules={[{ required: true, whitespace: true, message: '请填写解读方案' }, { max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Button loading={busy} onClick={() => void submit().catch(() => undefined)}>
            登记解读方案
          </Button>
        </Form>
      )}
    </Space>
  );
}

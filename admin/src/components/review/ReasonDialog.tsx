// A dialog asking for a required reason (overrides, queue actions); the caller confirms and reports errors.
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';

interface Props {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  hint?: string;
  danger?: boolean;
  onCancel: () => void;
  /** Rejects to keep the dialog open. */
  onSubmit: (reason: string) => Promise<void>;
}

export function ReasonDialog({ open, title, label, okText, hint, danger, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(reason.trim());
    } catch {
      // Reported by the caller; the dialog stays open.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger, loading: busy }}
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      {hint && <Typography.Paragraph>{hint}</Typography.Paragraph>}
      <Form form={form} name="reviewReason" layout="vertical" preserve={false}>
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }, { max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

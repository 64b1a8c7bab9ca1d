// The dialogs behind workflow buttons that need more than a click: a reason, a time, or a new edition's kind.
import { DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { DocumentSearchSelect } from './DocumentSearchSelect';

export type DialogKind = 'reject' | 'withdraw' | 'unpublish' | 'schedule' | 'urgent_publish' | 'edition';

export interface DialogValues {
  reason?: string;
  publishAt?: Dayjs;
  replacementDocumentId?: string;
  changeType?: 'major' | 'minor';
  changeNote?: string;
}

const TEXT: Record<
  DialogKind,
  { title: string; ok: string; danger?: boolean; reasonLabel?: string; reasonRequired?: boolean; hint?: string }
> = {
  reject: { title: '退回修改', ok: '退回', reasonLabel: '退回理由', reasonRequired: true, hint: '理由会显示给提交人。' },
  withdraw: {
    title: '撤回文件',
    ok: '撤回',
    danger: true,
    reasonLabel: '撤回原因',
    reasonRequired: true,
    hint: '撤回后，公开页面保留并显示撤回原因，文件不再出现在列表和搜索中。',
  },
  unpublish: {
    title: '撤销发布',
    ok: '撤销发布',
    danger: true,
    reasonLabel: '撤销原因',
    reasonRequired: true,
    hint: '撤销发布后，公开页面不再可访问（可跳转到替代文件）。此操作不可恢复。',
  },
  schedule: { title: '定时发布', ok: '确定' },
  urgent_publish: {
    title: '紧急发布',
    ok: '紧急发布',
    danger: true,
    reasonLabel: '紧急发布说明',
    hint: '紧急发布跳过审核直接公开，事后须由其他审核人补充审核，全程记录在案。',
  },
  edition: { title: '新建修订版本', ok: '新建' },
};

interface Props {
  kind: DialogKind | null;
  /** The document acted on (excluded from the replacement picker). */
  documentId: string;
  onCancel: () => void;
  /** Rejects to keep the dialog open (the caller reports the error). */
  onSubmit: (kind: DialogKind, values: DialogValues) => Promise<void>;
}

export function ActionDialog({ kind, documentId, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<DialogValues>();
  const [busy, setBusy] = useState(false);
  const changeType = Form.useWatch('changeType', form);
  const text = kind ? TEXT[kind] : null;

  useEffect(() => {
    if (kind) form.resetFields();
  }, [kind, form]);

  const ok = async () => {
    if (!kind) return;
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(kind, values);
    } catch {
      // Reported by the caller; the dialog stays open.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={kind !== null}
      title={text?.title}
      okText={text?.ok}
      cancelText="取消"
      okButtonProps={{ danger: text?.danger, loading: busy }}
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      {text?.hint && <Typography.Paragraph>{text.hint}</Typography.Paragraph>}
      <Form form={form} name="docAction" layout="vertical" initialValues={{ changeType: 'minor' }}>
        {text?.reasonLabel && (
          <Form.Item
            name="reason"
            label={text.reasonLabel}
            rules={[{ required: text.reasonRequired, whitespace: true, message: `请填写${text.reasonLabel}` }, { max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} />
          </Form.Item>
        )}
        {kind === 'unpublish' && (
          <Form.Item name="replacementDocumentId" label="替代文件（可选）" extra="原地址将跳转到替代文件">
            <DocumentSearchSelect excludeId={documentId} publishedOnly />
          </Form.Item>
        )}
        {kind === 'schedule' && (
          <Form.Item name="publishAt" label="发布时间" rules={[{ required: true, message: '请选择发布时间' }]}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
            />
          </Form.Item>
        )}
        {kind === 'edition' && (
          <>
            <Form.Item name="changeType" label="修改类型">
              <Radio.Group
                options={[
                  { value: 'minor', label: '一般修改（更正错字、格式等）' },
                  { value: 'major', label: '重大修改（内容实质变化）' },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="changeNote"
              label="修改说明"
              extra="公开显示在“更新记录”中"
              rules={[{ required: changeType === 'major', whitespace: true, message: '重大修改须填写修改说明' }, { max: 500 }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

// Fields of a catalog column (name, expected update frequency, order) and the dialog that adds one.
import { Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { CatalogColumn } from '../../types';
import { useErrorReporter } from '../errors';

export interface ColumnValues {
  name: string;
  updateDays?: number | null;
  sortOrder?: number;
}

export function ColumnFields({ withOrder }: { withOrder?: boolean }) {
  return (
    <>
      <Form.Item name="name" label="栏目名称" rules={[{ required: true, whitespace: true, message: '请填写栏目名称' }, { max: 60 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="updateDays" label="更新周期（天）" extra="用于提醒栏目长期未更新，如动态类 14 天、政策文件 180 天；留空表示不要求">
        <InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} />
      </Form.Item>
      {withOrder && (
        <Form.Item name="sortOrder" label="排序号" extra="数字小的排在前面">
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      )}
    </>
  );
}

interface AddProps {
  open: boolean;
  organisationId: string;
  /** The parent column (null: a top-level column). */
  parent: CatalogColumn | null;
  onClose: () => void;
  onAdded: (column: CatalogColumn) => void;
}

export function ColumnAddModal({ open, organisationId, parent, onClose, onAdded }: AddProps) {
  const [form] = Form.useForm<ColumnValues>();
  const [saving, setSaving] = useState(false);
  const report = useErrorReporter();

  const add = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const column = await api.catalog.addColumn({
        organisationId,
        parentId: parent?.id ?? null,
        name: v.name.trim(),
        updateDays: v.updateDays ?? null,
      });
      form.resetFields();
      onAdded(column);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={parent ? `在“${parent.name}”下新增栏目` : '新增顶级栏目'}
      okText="新增"
      cancelText="取消"
      okButtonProps={{ loading: saving }}
      onOk={() => void add().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="newColumn" layout="vertical" preserve={false}>
        <ColumnFields />
      </Form>
    </Modal>
  );
}

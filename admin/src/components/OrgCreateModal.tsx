// 新建下级机构 (or the first, top-level organisation when parent is null).
import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import type { OrgKind, Organisation } from '../types';
import { useErrorReporter } from './errors';
import { OrgFormFields, formValuesToInput } from './OrgFormFields';
import type { OrgFormValues } from './OrgFormFields';

/** A likely kind for a new child, the user can change it. */
const CHILD_KIND: Partial<Record<OrgKind, OrgKind>> = {
  city: 'county',
  county: 'township',
  township: 'village',
  department: 'institution',
};

interface Props {
  open: boolean;
  parent: Organisation | null;
  onClose: () => void;
  onCreated: (org: Organisation) => void;
}

export function OrgCreateModal({ open, parent, onClose, onCreated }: Props) {
  const [form] = Form.useForm<OrgFormValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const report = useErrorReporter();

  const submit = async (values: OrgFormValues) => {
    setSaving(true);
    try {
      const org = await api.organisations.create({
        ...formValuesToInput(values, 'create'),
        parentId: parent?.id ?? null,
      });
      void message.success(`已新建机构“${org.name}”。`);
      form.resetFields();
      onCreated(org);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={parent ? `新建下级机构（上级：${parent.name}）` : '新建顶级机构'}
      okText="创建"
      width={760}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<OrgFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: (parent && CHILD_KIND[parent.kind]) || (parent ? 'department' : 'city') }}
        preserve={false}
      >
        <OrgFormFields />
      </Form>
    </Modal>
  );
}

// 移动: choose a new parent for an organisation (not itself nor anything below it).
import { App, Form, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api';
import type { Organisation } from '../types';
import { useErrorReporter } from './errors';
import { subtreeIds } from './orgTree';
import { OrgTreeSelect } from './OrgTreeSelect';
import { useOrgTree } from './useOrgTree';

interface Props {
  org: Organisation;
  open: boolean;
  onClose: () => void;
  onMoved: (org: Organisation) => void;
}

export function OrgMoveModal({ org, open, onClose, onMoved }: Props) {
  const { items } = useOrgTree();
  const [form] = Form.useForm<{ parentId: string }>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const report = useErrorReporter();
  const disabled = useMemo(() => subtreeIds(items, org.id), [items, org.id]);

  const submit = async ({ parentId }: { parentId: string }) => {
    setSaving(true);
    try {
      const moved = await api.organisations.move(org.id, parentId);
      void message.success(`已移动“${org.name}”。`);
      onMoved(moved);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`移动“${org.name}”`}
      okText="移动"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          label="新的上级机构"
          name="parentId"
          extra="不能移动到本机构或其下级机构之下。"
          rules={[
            { required: true, message: '请选择新的上级机构' },
            {
              validator: (_, value: string | undefined) =>
                value && value === org.parentId ? Promise.reject(new Error('已经在该机构之下')) : Promise.resolve(),
            },
          ]}
        >
          <OrgTreeSelect disabledIds={disabled} placeholder="选择上级机构" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

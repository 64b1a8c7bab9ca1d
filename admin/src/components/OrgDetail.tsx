// Right-hand panel of 组织机构: details of one organisation and the actions on it.
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Descriptions, Form, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../api';
import type { Organisation } from '../types';
import { useErrorReporter } from './errors';
import { formatTime } from './format';
import { ORG_KIND_LABELS } from './labels';
import { OrgCreateModal } from './OrgCreateModal';
import { OrgFormFields, formValuesToInput, orgToFormValues } from './OrgFormFields';
import type { OrgFormValues } from './OrgFormFields';
import { OrgMoveModal } from './OrgMoveModal';

interface Props {
  org: Organisation;
  parentName: string | null;
  /** Called after any change, with the organisation to select next (null: keep none). */
  onChanged: (selectId: string | null) => void;
}

const show = (v: string | null | undefined) => (v ? v : '—');

export function OrgDetail({ org, parentName, onChanged }: Props) {
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<OrgFormValues>();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState(false);

  useEffect(() => setEditing(false), [org.id]);
  const isRoot = org.parentId === null;

  const startEdit = () => {
    form.setFieldsValue(orgToFormValues(org));
    setEditing(true);
  };

  const save = async (values: OrgFormValues) => {
    setSaving(true);
    try {
      await api.organisations.update(org.id, formValuesToInput(values, 'update'));
      void message.success('已保存。');
      setEditing(false);
      onChanged(org.id);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  const toggleActive = () => {
    if (!org.active) {
      api.organisations
        .activate(org.id)
        .then(() => {
          void message.success(`已启用“${org.name}”。`);
          onChanged(org.id);
        })
        .catch(report);
      return;
    }
    modal.confirm({
      title: `停用“${org.name}”？`,
      content: '停用后该机构将不再出现在选择列表中，已有数据保留，可随时重新启用。',
      okText: '停用',
      okButtonProps: { danger: true },
      onOk: () =>
        api.organisations
          .deactivate(org.id)
          .then(() => {
            void message.success(`已停用“${org.name}”。`);
            onChanged(org.id);
          })
          .catch(report),
    });
  };

  const remove = () => {
    modal.confirm({
      title: `删除“${org.name}”？`,
      content: '删除后无法恢复。已有下级机构、用户角色或业务内容的机构不能删除，可改为停用。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: () =>
        api.organisations
          .remove(org.id)
          .then(() => {
            void message.success(`已删除“${org.name}”。`);
            onChanged(org.parentId);
          })
          .catch((err: unknown) => {
            if (err instanceof ApiError && err.status === 409) {
              modal.error({ title: '无法删除', content: err.message });
            } else {
              report(err);
            }
          }),
    });
  };

  const actions = (
    <Space wrap>
      <Button icon={<EditOutlined />} onClick={startEdit} disabled={editing}>
        编辑
      </Button>
      <Tooltip title={org.active ? undefined : '已停用的机构下不能新建机构'}>
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!org.active}>
          新建下级机构
        </Button>
      </Tooltip>
      <Tooltip title={isRoot ? '根机构不能移动' : undefined}>
        <Button icon={<DragOutlined />} onClick={() => setMoving(true)} disabled={isRoot}>
          移动
        </Button>
      </Tooltip>
      <Button icon={org.active ? <StopOutlined /> : <CheckCircleOutlined />} onClick={toggleActive}>
        {org.active ? '停用' : '启用'}
      </Button>
      <Tooltip title={isRoot ? '根机构不能删除' : undefined}>
        <Button danger icon={<DeleteOutlined />} onClick={remove} disabled={isRoot}>
          删除
        </Button>
      </Tooltip>
    </Space>
  );

  return (
    <Card
      title={
        <Space>
          <span>{org.name}</span>
          <Badge status={org.active ? 'success' : 'default'} text={org.active ? '启用' : '已停用'} />
        </Space>
      }
    >
      <div style={{ marginBottom: 16 }}>{actions}</div>
      {editing ? (
        <Form<OrgFormValues> form={form} layout="vertical" onFinish={save} disabled={saving}>
          <OrgFormFields />
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
            <Button onClick={() => setEditing(false)} disabled={false}>
              取消
            </Button>
          </Space>
        </Form>
      ) : (
        <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="名称">{org.name}</Descriptions.Item>
          <Descriptions.Item label="简称">{show(org.shortName)}</Descriptions.Item>
          <Descriptions.Item label="类型">{ORG_KIND_LABELS[org.kind] ?? org.kind}</Descriptions.Item>
          <Descriptions.Item label="上级机构">{show(parentName)}</Descriptions.Item>
          <Descriptions.Item label="行政区划代码">{show(org.divisionCode)}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{show(org.uscc)}</Descriptions.Item>
          <Descriptions.Item label="网站标识码">{show(org.siteCode)}</Descriptions.Item>
          <Descriptions.Item label="排序号">{org.sortOrder}</Descriptions.Item>
          <Descriptions.Item label="状态">{org.active ? '启用' : '已停用'}</Descriptions.Item>
          <Descriptions.Item label="信息公开工作机构">{show(org.contact?.officeName)}</Descriptions.Item>
          <Descriptions.Item label="地址">{show(org.contact?.address)}</Descriptions.Item>
          <Descriptions.Item label="邮政编码">{show(org.contact?.postcode)}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{show(org.contact?.phone)}</Descriptions.Item>
          <Descriptions.Item label="传真">{show(org.contact?.fax)}</Descriptions.Item>
          <Descriptions.Item label="电子邮箱">{show(org.contact?.email)}</Descriptions.Item>
          <Descriptions.Item label="网站">{show(org.contact?.website)}</Descriptions.Item>
          <Descriptions.Item label="办公时间">{show(org.contact?.officeHours)}</Descriptions.Item>
          <Descriptions.Item label="创建时间">{formatTime(org.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="更新时间">{formatTime(org.updatedAt)}</Descriptions.Item>
        </Descriptions>
      )}
      <OrgCreateModal
        open={creating}
        parent={org}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          onChanged(created.id);
        }}
      />
      <OrgMoveModal
        org={org}
        open={moving}
        onClose={() => setMoving(false)}
        onMoved={() => {
          setMoving(false);
          onChanged(org.id);
        }}
      />
    </Card>
  );
}

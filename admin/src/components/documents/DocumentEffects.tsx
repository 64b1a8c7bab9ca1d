// 效力: what this document does to earlier ones (applied when it is published), and, for normative documents and
// rules, their own validity on a chosen date.
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import type { DocumentItem, EffectType, Validity } from '../../types';
import { errorMessage, useErrorReporter } from '../errors';
import { formatDate } from '../format';
import { DocumentSearchSelect } from './DocumentSearchSelect';
import { EFFECT_TYPE_LABELS } from './labels';

interface EffectValues {
  affectedDocumentId?: string;
  type: EffectType;
  affectedArticle?: string;
  inForceOn?: Dayjs;
}

export function EffectForm({ doc, onAdded }: { doc: DocumentItem; onAdded: () => void }) {
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<EffectValues>();
  const [saving, setSaving] = useState(false);

  const save = async (v: EffectValues) => {
    setSaving(true);
    try {
      await api.documents.addEffect(doc.id, {
        affectedDocumentId: v.affectedDocumentId!,
        type: v.type,
        affectedArticle: v.affectedArticle?.trim() || null,
        inForceOn: v.inForceOn!.format('YYYY-MM-DD'),
      });
      form.resetFields();
      void message.success(doc.publicState === 'published' ? '已记录效力，立即生效' : '已记录效力，本文件发布时生效');
      onAdded();
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      name="docEffect"
      layout="vertical"
      requiredMark={false}
      initialValues={{ type: 'amends' }}
      onFinish={(v) => void save(v)}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        记录本文件对已发布文件的修改、废止、替代或暂停施行；被影响文件的效力状态和公开页面提示将随之更新。
      </Typography.Paragraph>
      <Form.Item name="affectedDocumentId" label="被影响的文件" rules={[{ required: true, message: '请选择被影响的文件' }]}>
        <DocumentSearchSelect excludeId={doc.id} publishedOnly />
      </Form.Item>
      <Space wrap align="start" size={16}>
        <Form.Item name="type" label="效力类型">
          <Select style={{ width: 140 }} options={Object.entries(EFFECT_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="affectedArticle" label="条款（可选）" rules={[{ max: 50 }]}>
          <Input placeholder="如：第五条" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="inForceOn" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button htmlType="submit" loading={saving}>
          记录效力
        </Button>
      </Form.Item>
    </Form>
  );
}

const STATUS_COLORS: Record<string, { color: string; background: string; borderColor: string }> = {
  in_force: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  amended: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
};
const OTHER_STATUS = { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' };

/** 有效性 of a normative document on a date, with the effects recorded on it. */
export function ValidityView({ doc, version }: { doc: DocumentItem; version: number }) {
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const [validity, setValidity] = useState<Validity | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.documents.validity(doc.id, asOf.format('YYYY-MM-DD')).then(
      (v) => live && (setValidity(v), setProblem(null)),
      (err: unknown) =>
        live &&
        (setValidity(null),
        setProblem(err instanceof ApiError && err.status === 409 ? '填写实施日期（或成文日期）并保存后可计算效力。' : errorMessage(err))),
    );
    return () => {
      live = false;
    };
  }, [doc.id, doc.edition.lockVersion, asOf, version]);

  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="validity-as-of">查看日期</label>
        <DatePicker id="validity-as-of" value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} format="YYYY-MM-DD" />
      </Space>
      {problem && <Alert type="info" title={problem} showIcon />}
      {validity && (
        <>
          <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap', width: 96 } }}>
            <Descriptions.Item label="效力状态">
              <Tag style={STATUS_COLORS[validity.status] ?? OTHER_STATUS}>{validity.statusName}</Tag>
              {validity.since && <span>自 {formatDate(validity.since)}</span>}
            </Descriptions.Item>
            {validity.notice && <Descriptions.Item label="页面提示">{validity.notice}</Descriptions.Item>}
            {validity.pendingNotice && <Descriptions.Item label="待生效">{validity.pendingNotice}</Descriptions.Item>}
          </Descriptions>
          {validity.effects.length > 0 && (
            <List
              size="small"
              header="其他文件对本文件的效力"
              dataSource={validity.effects}
              renderItem={(e) => (
                <List.Item>
                  {e.affectingTitle ?? '（未命名文件）'}：{EFFECT_TYPE_LABELS[e.type as EffectType] ?? e.type}
                  {e.affectedArticle ? ` ${e.affectedArticle}` : ''}，{formatDate(e.inForceOn)} 起{e.applied ? '' : '（待发布后生效）'}
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </div>
  );
}

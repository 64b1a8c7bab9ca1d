// 答复书模板: the wording of the answer letter (政府信息公开申请答复书) per organisation. An organisation without its
// own template uses its nearest ancestor's, then the platform default. The openness office edits the paragraphs with
// placeholders; the preview fills them with sample data, and the sample DOCX is drawn by the server.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { useErrorReporter } from '../components/errors';
import { formatTime } from '../components/format';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { ToneTag } from '../components/normative/ToneTag';
import { letterTemplateApi, type EffectiveLetterTemplate, type LetterTemplateInput } from '../components/letters/api';
import { previewLetter } from '../components/letters/preview';

type Target = 'organisation' | 'platform';

function sourceText(t: EffectiveLetterTemplate): string {
  if (t.source === 'organisation') return '本机构自有模板';
  if (t.source === 'ancestor') return `继承自上级机构“${t.sourceOrgName ?? ''}”的模板`;
  return t.source === 'platform' ? '平台默认模板' : '系统内置模板';
}

export default function LetterTemplatePage() {
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<LetterTemplateInput>();
  const [target, setTarget] = useState<Target>('organisation');
  const [orgId, setOrgId] = useState<string | undefined>(user.organisationId ?? undefined);
  const [current, setCurrent] = useState<EffectiveLetterTemplate | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = Form.useWatch([], form);
  const selected = target === 'platform' ? null : (orgId ?? undefined);

  const show = useCallback(
    (t: EffectiveLetterTemplate) => {
      setCurrent(t);
      form.setFieldsValue({
        title: t.template.title,
        paragraphs: t.template.paragraphs,
        reconsiderationBody: t.template.reconsiderationBody,
        court: t.template.court,
      });
    },
    [form],
  );
  useEffect(() => {
    setCurrent(null);
    if (selected === undefined) return;
    letterTemplateApi.get(selected).then(show, report);
  }, [selected, show, report]);

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      show(await letterTemplateApi.save(selected ?? null, { ...v, paragraphs: v.paragraphs.map((p) => p.trim()) }));
      void message.success('已保存答复书模板');
    } catch (err) {
      // Paths like "paragraphs.2" point at one paragraph of the list.
      if (err instanceof ApiError)
        form.setFields(
          err.fields.map((f) => ({ name: f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never, errors: [f.message] })),
        );
      report(err);
    } finally {
      setBusy(false);
    }
  };

  const reset = () =>
    modal.confirm({
      title: target === 'platform' ? '删除平台默认模板？' : '删除本机构的答复书模板？',
      content:
        target === 'platform' ? '删除后使用系统内置的模板。' : '删除后本机构使用上级机构（或平台默认）的模板，已生成的答复书不受影响。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        letterTemplateApi.reset(selected ?? null).then((t) => {
          show(t);
          void message.success('已删除，改用上级模板');
        }, report),
    });

  const editable = current?.canEdit ?? false;
  const preview = current && draft?.paragraphs ? previewLetter(draft, current.organisationName ?? '某某人民政府办公室') : null;

  return (
    <Card title="答复书模板">
      <Typography.Paragraph>
        政府信息公开申请答复书按机构的模板生成：机构没有自己的模板时，使用最近的上级机构的模板，再没有则使用平台默认模板。正文各段可使用下列占位符，生成时替换为案件信息；正文须告知救济途径（六十日内申请行政复议、六个月内提起行政诉讼）。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Radio.Group
          aria-label="模板适用对象"
          value={target}
          onChange={(e) => setTarget(e.target.value as Target)}
          options={[
            { value: 'organisation', label: '机构模板' },
            { value: 'platform', label: '平台默认模板' },
          ]}
        />
        {target === 'organisation' && <OrgTreeSelect aria-label="机构" value={orgId} onChange={setOrgId} style={{ width: 300 }} />}
      </Space>
      {current && (
        <Space wrap style={{ marginBottom: 16 }} data-testid="template-source">
          <ToneTag tone={current.own ? 'green' : 'blue'}>{sourceText(current)}</ToneTag>
          {current.template.updatedAt && (
            <Typography.Text type="secondary">更新于 {formatTime(current.template.updatedAt)}</Typography.Text>
          )}
          <Button icon={<DownloadOutlined />} href={letterTemplateApi.sampleUrl(selected ?? null)} download>
            下载示例答复书（DOCX）
          </Button>
        </Space>
      )}
      {current && !editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="您可以查看和下载模板；修改须由本机构或上级机构的政务公开办管理员进行。"
        />
      )}
      <Row gutter={24}>
        <Col xs={24} xl={14}>
          <Form form={form} name="letterTemplate" layout="vertical" disabled={!editable}>
            <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 50 }]}>
              <Input />
            </Form.Item>
            <Form.List name="paragraphs">
              {(fields, { add, remove, move }) => (
                <>
                  {fields.map((field, i) => (
                    <Form.Item key={field.key} label={`第 ${i + 1} 段`} required>
                      <Space.Compact style={{ width: '100%' }} block>
                        <Form.Item
                          name={field.name}
                          noStyle
                          rules={[{ required: true, whitespace: true, message: '段落不能为空（不需要的段落请删除）' }, { max: 2000 }]}
                        >
                          <Input.TextArea aria-label={`第 ${i + 1} 段`} autoSize={{ minRows: 2, maxRows: 8 }} />
                        </Form.Item>
                        <Button
                          aria-label={`上移第 ${i + 1} 段`}
                          icon={<ArrowUpOutlined />}
                          disabled={!editable || i === 0}
                          onClick={() => move(i, i - 1)}
                        />
                        <Button
                          aria-label={`下移第 ${i + 1} 段`}
                          icon={<ArrowDownOutlined />}
                          disabled={!editable || i === fields.length - 1}
                          onClick={() => move(i, i + 1)}
                        />
                        <Button
                          aria-label={`删除第 ${i + 1} 段`}
                          danger
                          icon={<DeleteOutlined />}
                          disabled={!editable || fields.length === 1}
                          onClick={() => remove(field.name)}
                        />
                      </Space.Compact>
                    </Form.Item>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add('')}
                    disabled={!editable || fields.length >= 30}
                    style={{ marginBottom: 24 }}
                  >
                    添加段落
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item
              name="reconsiderationBody"
              label="行政复议机关"
              extra="如：宜昌市人民政府"
              rules={[{ required: true, whitespace: true, message: '请填写行政复议机关' }, { max: 100 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="court"
              label="人民法院"
              extra="如：宜昌市西陵区人民法院"
              rules={[{ required: true, whitespace: true, message: '请填写人民法院' }, { max: 100 }]}
            >
              <Input />
            </Form.Item>
          </Form>
          {editable && (
            <Space>
              <Button type="primary" loading={busy} onClick={() => void save().catch(() => undefined)}>
                保存模板
              </Button>
              <Button danger disabled={!current?.own} onClick={reset}>
                {target === 'platform' ? '删除平台默认模板' : '删除本机构模板（改用上级）'}
              </Button>
            </Space>
          )}
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="占位符" style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={current?.placeholders ?? []}
              columns={[
                { title: '占位符', width: 190, render: (_, p) => <Typography.Text code copyable>{`{${p.name}}`}</Typography.Text> },
                { title: '含义', dataIndex: 'description' },
              ]}
            />
          </Card>
          <Card size="small" title="预览（示例数据，未保存的修改也会显示）">
            {preview && (
              <article
                aria-label="答复书预览"
                data-testid="letter-preview"
                style={{ fontFamily: 'FangSong, STFangsong, serif', lineHeight: 1.9 }}
              >
                <h2 style={{ textAlign: 'center', fontSize: 20, margin: '0 0 4px' }}>{preview.title}</h2>
                <p style={{ textAlign: 'center', margin: 0 }}>{preview.number}</p>
                <p style={{ margin: '12px 0 0' }}>{preview.addressee}</p>
                {preview.paragraphs.map((p, i) => (
                  <p key={i} style={{ textIndent: '2em', margin: 0 }}>
                    {p}
                  </p>
                ))}
                <p style={{ textAlign: 'right', margin: '16px 0 0' }}>{preview.orgName}</p>
                <p style={{ textAlign: 'right', margin: 0 }}>{preview.date}</p>
              </article>
            )}
          </Card>
        </Col>
      </Row>
    </Card>
  );
}

// The metadata fields of domain.md §5.1 and the body, laid out for the document editor.
import { Col, DatePicker, Form, Input, Radio, Row, Select, TreeSelect } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { OrgTreeSelect } from '../OrgTreeSelect';
import { useOrgTree } from '../useOrgTree';
import type { DocumentFormValues } from './documentForm';
import { DISCLOSURE_LABELS, GENRE_OPTIONS, KIND_LABELS, NORMATIVE_LABELS, TOPIC_OPTIONS } from './labels';
import { RichTextEditor } from './RichTextEditor';

const NOTE_SUGGESTIONS = ['（此件公开发布）', '（此件主动公开）', '（此件依申请公开）', '（此件不予公开）'];
const wide = { xs: 24 } as const;
const third = { xs: 24, md: 12, xl: 8 } as const;

interface Props {
  form: FormInstance<DocumentFormValues>;
  creating: boolean;
  /** Shows 修改说明 (a revision of a published document). */
  revision: boolean;
}

export function DocumentFormFields({ form, creating, revision }: Props) {
  const { items } = useOrgTree();
  const disclosure = Form.useWatch('disclosure', form);
  const orgId = Form.useWatch('organisationId', form);
  const autoIssuer = useRef<string | null>(null);

  // A new document's 发布机构 starts as its organisation's full name (and follows it until edited by hand).
  useEffect(() => {
    const org = items.find((o) => o.id === orgId);
    const issuer = form.getFieldValue('issuer') as string | null | undefined;
    if (!creating || !org || (issuer && issuer !== autoIssuer.current)) return;
    form.setFieldValue('issuer', org.name);
    autoIssuer.current = org.name;
  }, [creating, orgId, items, form]);

  const date = (name: keyof DocumentFormValues, label: string, extra?: string) => (
    <Col {...third}>
      <Form.Item name={name} label={label} extra={extra}>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="选择日期" />
      </Form.Item>
    </Col>
  );

  return (
    <Row gutter={16}>
      <Col {...wide}>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 300 }]}>
          <Input placeholder="文件全称，如：宜昌市人民政府办公室关于……的通知" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item
          name="organisationId"
          label="所属机构"
          rules={[{ required: true, message: '请选择所属机构' }]}
          extra={creating ? undefined : '创建后不可更改'}
        >
          <OrgTreeSelect disabled={!creating} />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="issuer" label="发布机构" rules={[{ max: 100 }]} extra="机构全称，不用简称">
          <Input />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="docNo" label="发文字号" rules={[{ max: 60 }]} extra="如：宜府办发〔2024〕5号，保存时自动规范">
          <Input />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="kind" label="文件类型" extra={creating ? undefined : '创建后不可更改'}>
          <Radio.Group disabled={!creating} options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="normativeKind" label="规范性文件" extra={creating ? undefined : '创建后不可更改'}>
          <Select
            disabled={!creating}
            options={[{ value: 'none', label: '否' }, ...Object.entries(NORMATIVE_LABELS).map(([value, label]) => ({ value, label }))]}
          />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="topic" label="主题分类">
          <TreeSelect
            treeData={TOPIC_OPTIONS}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeNodeLabelProp="path"
            placeholder="选择主题分类"
            popupMatchSelectWidth={false}
            styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 300 } } }}
          />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="genre" label="体裁">
          <Select options={GENRE_OPTIONS} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="选择体裁" />
        </Form.Item>
      </Col>
      {date('writtenOn', '成文日期')}
      {date('formedOn', '信息形成（变更）日期', '用于核对 20 个工作日内公开')}
      {date('effectiveFrom', '实施日期')}
      {date('expiresOn', '有效期至')}
      {date('repealedOn', '废止日期')}
      <Col {...third}>
        <Form.Item name="disclosure" label="公开方式" rules={[{ required: true }]}>
          <Select options={Object.entries(DISCLOSURE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Col>
      {disclosure === 'withheld' && (
        <Col {...third}>
          <Form.Item
            name="disclosureReason"
            label="不予公开理由"
            rules={[{ required: true, whitespace: true, message: '选择“不予公开”时须填写理由' }, { max: 500 }]}
          >
            <Input placeholder="如：涉及国家秘密（《条例》第十四条）" />
          </Form.Item>
        </Col>
      )}
      <Col {...third}>
        <Form.Item name="scope" label="公开范围" rules={[{ max: 200 }]}>
          <Input placeholder="如：全社会" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="keywords" label="关键词" extra="输入后按回车添加，最多 20 个">
          <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} maxCount={20} open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="note" label="附注" rules={[{ max: 100 }]}>
          {/* A native list of the usual markings: antd's AutoComplete hides its text from contrast checks. */}
          <Input list="doc-note-suggestions" placeholder="如：（此件公开发布）" />
        </Form.Item>
        <datalist id="doc-note-suggestions">
          {NOTE_SUGGESTIONS.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      </Col>
      <Col {...wide}>
        <Form.Item name="summary" label="内容概述" rules={[{ max: 100, message: '内容概述不能超过 100 个字' }]}>
          <Input.TextArea showCount maxLength={100} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Col>
      {revision && (
        <Col {...wide}>
          <Form.Item name="changeNote" label="修改说明" rules={[{ max: 500 }]} extra="重大修改须填写，公开显示在“更新记录”中">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Col>
      )}
      <Col {...wide}>
        <Form.Item name="bodyHtml" label="正文">
          <RichTextEditor />
        </Form.Item>
      </Col>
    </Row>
  );
}

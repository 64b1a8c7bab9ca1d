// Form items for an organisation (create and edit), plus conversion to the API body.
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { FormRule as Rule } from 'antd';
import { isValidDivisionCode, isValidSiteCode, isValidUscc } from '../../../src/platform/text/identifiers.ts';
import type { OrgContact, OrgKind, Organisation, OrganisationInput } from '../types';
import { blankToNull, blankToUndefined } from './format';
import { ORG_KIND_OPTIONS } from './labels';

export interface OrgFormValues {
  name: string;
  shortName?: string | null;
  kind: OrgKind;
  divisionCode?: string | null;
  uscc?: string | null;
  siteCode?: string | null;
  sortOrder?: number | null;
  contact?: Partial<OrgContact>;
}

const CONTACT_KEYS: (keyof OrgContact)[] = ['officeName', 'address', 'postcode', 'phone', 'fax', 'email', 'website', 'officeHours'];

export function orgToFormValues(org: Organisation): OrgFormValues {
  return {
    name: org.name,
    shortName: org.shortName,
    kind: org.kind,
    divisionCode: org.divisionCode,
    uscc: org.uscc,
    siteCode: org.siteCode,
    sortOrder: org.sortOrder,
    contact: { ...org.contact },
  };
}

/**
 * The API body for the form values. On create, empty fields are left out; on update they are sent
 * as null so that the server clears them.
 */
export function formValuesToInput(values: OrgFormValues, mode: 'create' | 'update'): OrganisationInput {
  const clean = mode === 'create' ? blankToUndefined : blankToNull;
  const contact: Partial<OrgContact> = {};
  for (const key of CONTACT_KEYS) {
    const v = clean(values.contact?.[key]);
    if (v !== undefined) contact[key] = v;
  }
  const uscc = clean(values.uscc);
  const input: OrganisationInput = {
    name: values.name.trim(),
    shortName: clean(values.shortName),
    kind: values.kind,
    divisionCode: clean(values.divisionCode),
    uscc: typeof uscc === 'string' ? uscc.toUpperCase() : uscc,
    siteCode: clean(values.siteCode),
    contact,
  };
  if (typeof values.sortOrder === 'number') input.sortOrder = values.sortOrder;
  if (mode === 'create') {
    for (const key of Object.keys(input) as (keyof OrganisationInput)[]) {
      if (input[key] === undefined) delete input[key];
    }
    if (Object.keys(contact).length === 0) delete input.contact;
  }
  return input;
}

const half = { xs: 24, md: 12 };

/** A rule that accepts an empty value, or one that passes `check` after trimming (and `normalise`). */
function identifier(check: (v: string) => boolean, message: string, normalise = (v: string) => v): Rule {
  return {
    validator: (_, value: unknown) => {
      const v = typeof value === 'string' ? value.trim() : '';
      return !v || check(normalise(v)) ? Promise.resolve() : Promise.reject(new Error(message));
    },
  };
}

const max = (n: number): Rule => ({ max: n, message: `不超过 ${n} 个字符` });

export function OrgFormFields() {
  return (
    <>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            label="名称"
            name="name"
            rules={[
              { required: true, whitespace: true, message: '请输入机构名称' },
              { max: 100, message: '名称不超过 100 个字符' },
            ]}
          >
            <Input placeholder="例如：宜昌市人民政府" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="简称" name="shortName" rules={[{ max: 50, message: '简称不超过 50 个字符' }]}>
            <Input placeholder="例如：市政府" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择机构类型' }]}>
            <Select options={ORG_KIND_OPTIONS} placeholder="选择机构类型" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="排序号" name="sortOrder" extra="数字越小越靠前。">
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label="行政区划代码"
            name="divisionCode"
            rules={[identifier(isValidDivisionCode, '行政区划代码为 6、9 或 12 位数字，例如 420500')]}
          >
            <Input placeholder="例如：420500" inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label="统一社会信用代码"
            name="uscc"
            rules={[identifier(isValidUscc, '统一社会信用代码应为 18 位且校验位正确', (v) => v.toUpperCase())]}
          >
            <Input placeholder="18 位" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label="网站标识码"
            name="siteCode"
            rules={[identifier(isValidSiteCode, '网站标识码为 10 位数字（或 bm 加 8 位数字）')]}
          >
            <Input placeholder="政府网站标识码，例如：4205000001" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item
            label="政府信息公开工作机构"
            name={['contact', 'officeName']}
            rules={[max(100)]}
            extra="写入本机关的政府信息公开指南，例如：宜昌市人民政府办公室（政务公开科）"
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="地址" name={['contact', 'address']} rules={[max(200)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="邮政编码" name={['contact', 'postcode']} rules={[{ pattern: /^\s*\d{6}\s*$/, message: '邮政编码为 6 位数字' }]}>
            <Input inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="联系电话" name={['contact', 'phone']} rules={[max(100)]}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="传真" name={['contact', 'fax']} rules={[max(100)]}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="电子邮箱" name={['contact', 'email']} rules={[{ type: 'email', message: '请输入有效的电子邮箱' }, max(200)]}>
            <Input inputMode="email" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label="网站"
            name={['contact', 'website']}
            rules={[{ pattern: /^\s*(https?:\/\/\S+)?\s*$/, message: '网址应以 http:// 或 https:// 开头' }, max(300)]}
          >
            <Input placeholder="https://" inputMode="url" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="办公时间" name={['contact', 'officeHours']} rules={[max(200)]}>
            <Input placeholder="例如：工作日 8:30-12:00，14:30-17:30" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

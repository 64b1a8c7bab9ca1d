// 登记线下申请: an application received in person, by post (signed for), by ordinary letter, fax or e-mail. The form
// explains the Art. 31 receipt-date rule of the chosen channel; after saving it shows the tracking number, the
// code to hand to the applicant, the receipt date and the answer due date the server computed.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Result, Row, Select, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../auth';
import { useErrorReporter } from '../components/errors';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { requestsApi, type CaseDetail } from '../components/requests/api';
import { DELIVERY_NAMES, FORM_NAMES, useVocabulary } from '../components/requests/shared';
import { href, navigate } from '../router';

type Values = {
  orgId: string;
  channel: string;
  appliedOn: dayjs.Dayjs;
  receivedOn: dayjs.Dayjs;
  applicant: { kind: string; name: string; idNumber: string; contactPerson?: string; legalRepresentative?: string; phone: string; email?: string; address?: string; postcode?: string };
  information: { title: string; docNumber?: string; description?: string; purpose?: string };
  form: string;
  delivery: string;
  suggestProactive?: boolean;
  note?: string;
  identityProof?: UploadFile[];
};

const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

export default function RequestRegisterPage() {
  const { user } = useAuth();
  const vocabulary = useVocabulary();
  const report = useErrorReporter();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<(CaseDetail & { code: string }) | null>(null);
  const channel = Form.useWatch('channel', form);
  const kind = Form.useWatch(['applicant', 'kind'], form);

  if (!vocabulary) return null;
  const offline = vocabulary.channels.filter((c) => c.value !== 'online');
  const rule = offline.find((c) => c.value === channel)?.rule;

  const submit = async (v: Values) => {
    const fd = new FormData();
    const put = (k: string, x: string | undefined | null) => x && fd.append(k, x);
    put('orgId', v.orgId);
    put('channel', v.channel);
    put('appliedOn', v.appliedOn?.format('YYYY-MM-DD'));
    put('receivedOn', v.receivedOn?.format('YYYY-MM-DD'));
    put('applicantKind', v.applicant.kind);
    for (const k of ['name', 'idNumber', 'contactPerson', 'legalRepresentative', 'phone', 'email', 'address', 'postcode'] as const) put(k, v.applicant[k]?.trim());
    for (const k of ['title', 'docNumber', 'description', 'purpose'] as const) put(k, v.information[k]?.trim());
    put('form', v.form);
    put('delivery', v.delivery);
    if (v.suggestProactive) fd.append('suggestProactive', '1');
    put('note', v.note?.trim());
    for (const f of v.identityProof ?? []) if (f.originFileObj) fd.append('identityProof', f.originFileObj, f.name);
    setSaving(true);
    try {
      setDone(await requestsApi.registerOffline(fd));
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  if (done) {
    return (
      <Card>
        <Result
          status="success"
          title={`已登记，受理编号 ${done.trackingNo}`}
          subTitle={
            <Space direction="vertical">
              <span>
                查询码：<Typography.Text strong copyable data-testid="tracking-code">{done.code}</Typography.Text>（只显示这一次，请告知申请人，凭受理编号和查询码查询进度、补正、下载答复）
              </span>
              <span>
                收到申请日期：<span data-testid="received-on">{done.receivedOn}</span>；答复期限：<span data-testid="register-due">{done.answerDue?.date}</span>
                {done.answerDue?.provisional ? '（暂定）' : ''}
              </span>
            </Space>
          }
          extra={[
            <Button key="open" type="primary" href={href(`/requests?id=${encodeURIComponent(done.id)}`)}>
              打开案件
            </Button>,
            <Button
              key="again"
              onClick={() => {
                form.resetFields();
                setDone(null);
              }}
            >
              继续登记
            </Button>,
          ]}
        />
      </Card>
    );
  }

  return (
    <Card title="登记线下申请" extra={<Button onClick={() => navigate('/requests')}>返回案件列表</Button>}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          orgId: user.organisationId ?? undefined,
          channel: 'in_person',
          appliedOn: dayjs(vocabulary.today),
          receivedOn: dayjs(vocabulary.today),
          applicant: { kind: 'natural' },
          form: 'paper',
          delivery: 'post',
        }}
      >
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item label="受理机构" name="orgId" rules={[{ required: true, message: '请选择受理机构' }]}>
              <OrgTreeSelect aria-label="受理机构" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="收件渠道" name="channel" rules={[{ required: true, message: '请选择收件渠道' }]}>
          <Radio.Group options={offline.map((c) => ({ value: c.value, label: c.name }))} />
        </Form.Item>
        {rule && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`收到申请之日（《条例》第三十一条）：${rule}`} description="答复期限自收到申请之日起按工作日计算，登记后系统显示计算结果。" />}
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item label="申请日期（申请书所署日期）" name="appliedOn" rules={[{ required: true, message: '请选择申请日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > vocabulary.today} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="收到申请日期" name="receivedOn" rules={[{ required: true, message: '请选择收到申请日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > vocabulary.today} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={3} style={{ fontSize: 16 }}>申请人</Typography.Title>
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item label="申请人类型" name={['applicant', 'kind']} rules={[{ required: true, message: '请选择申请人类型' }]}>
              <Select options={vocabulary.applicantKinds.map((k) => ({ value: k.value, label: k.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={kind === 'natural' ? '姓名' : '法人或其他组织名称'} name={['applicant', 'name']} rules={[{ required: true, whitespace: true, message: '请填写申请人' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={kind === 'natural' ? '身份证号码' : '统一社会信用代码'} name={['applicant', 'idNumber']} rules={[{ required: true, whitespace: true, message: '请填写证件号码' }]}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          {kind && kind !== 'natural' && (
            <Col xs={24} md={8}>
              <Form.Item label="法定代表人或负责人" name={['applicant', 'legalRepresentative']}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          )}
          {kind && kind !== 'natural' && (
            <Col xs={24} md={8}>
              <Form.Item label="联系人" name={['applicant', 'contactPerson']} rules={[{ required: true, whitespace: true, message: '法人或其他组织须填写联系人' }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item label="联系电话" name={['applicant', 'phone']} rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="电子邮箱" name={['applicant', 'email']}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="通信地址" name={['applicant', 'address']}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="邮政编码" name={['applicant', 'postcode']}>
              <Input maxLength={6} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="身份证明（身份证件或营业执照等的照片或 PDF，1–5 个）"
          name="identityProof"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e?.fileList}
          rules={[{ required: true, message: '请上传身份证明' }]}
        >
          <Upload multiple maxCount={5} beforeUpload={() => false} accept=".pdf,.png,.jpg,.jpeg,.gif,.webp">
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        <Typography.Title level={3} style={{ fontSize: 16 }}>所需信息</Typography.Title>
        <Form.Item label="所需政府信息的名称" name={['information', 'title']} rules={[{ required: true, whitespace: true, message: '请填写所需政府信息的名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item label="文号" name={['information', 'docNumber']}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="获取信息的形式" name="form">
              <Select options={options(FORM_NAMES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="获取信息的方式" name="delivery">
              <Select options={options(DELIVERY_NAMES)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="其他特征描述" name={['information', 'description']}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item label="用途（可不填）" name={['information', 'purpose']}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="suggestProactive" valuePropName="checked">
          <Checkbox>申请人建议将该信息主动公开</Checkbox>
        </Form.Item>
        <Form.Item label="登记备注（内部，不对外）" name="note">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          登记
        </Button>
      </Form>
    </Card>
  );
}

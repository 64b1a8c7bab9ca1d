// 审查词库: sensitive words and wrong expressions (with their correct form) the scanner matches. Search and paging,
// add/edit/delete, and bulk import of a TXT (one word a line) or CSV (词语,正确表述,严重程度,备注) file. Every change
// reaches the scanners of all instances without a restart and starts a re-scan of published content.
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Radio, Select, Space, Switch, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useLatestLoad } from '../components/useLatestLoad';
import { reviewApi } from '../api';
import type { DictionaryEntry, DictionaryEntryInput, DictionaryKind, Page } from '../types';
import { useErrorReporter } from '../components/errors';
import { formatTime } from '../components/format';
import { SEVERITY_LABELS } from '../components/review/labels';
import { useCanManageReviewSettings } from '../components/review/permissions';
import { ToneTag } from '../components/normative/ToneTag';

const KIND_LABELS: Record<DictionaryKind, string> = { sensitive: '敏感词', wrong: '错误表述' };
const KIND_OPTIONS = (Object.keys(KIND_LABELS) as DictionaryKind[]).map((value) => ({ value, label: KIND_LABELS[value] }));
const SEVERITY_OPTIONS = Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label: value === 'high' ? '高（阻止发布，可豁免）' : value === 'block' ? '阻断（始终阻止发布）' : label }));

type Query = { kind?: DictionaryKind; q?: string; page: number; pageSize: number };

export default function ReviewDictionaryPage() {
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const canManage = useCanManageReviewSettings();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 50 });
  const [editing, setEditing] = useState<DictionaryEntry | 'new' | null>(null);
  const [importing, setImporting] = useState(false);

  const { data, loading, load } = useLatestLoad<(Page<DictionaryEntry> & { version: number })>(
    useCallback(() => reviewApi.dictionary(query), [query]),
    report,
  );

  const remove = (e: DictionaryEntry) =>
    modal.confirm({
      title: `删除词条“${e.word}”？`,
      content: '删除后审查不再标出该词；已发布内容将按新词库重新复查。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        reviewApi.removeEntry(e.id).then(() => {
          void message.success('已删除词条');
          load();
        }, report),
    });

  const columns: TableColumnsType<DictionaryEntry> = [
    { title: '词语', dataIndex: 'word' },
    { title: '类型', width: 100, render: (_, e) => KIND_LABELS[e.kind] },
    { title: '正确表述', render: (_, e) => e.correct ?? '—' },
    { title: '严重程度', width: 100, render: (_, e) => <ToneTag tone={e.severity === 'block' ? 'red' : e.severity === 'high' ? 'orange' : 'grey'}>{SEVERITY_LABELS[e.severity]}</ToneTag> },
    { title: '备注', render: (_, e) => e.note ?? '' },
    { title: '状态', width: 80, render: (_, e) => (e.active ? '启用' : '停用') },
    { title: '更新时间', width: 150, render: (_, e) => formatTime(e.updatedAt) },
    ...(canManage
      ? [
          {
            title: '操作',
            width: 130,
            render: (_: unknown, e: DictionaryEntry) => (
              <Space>
                <Button size="small" autoInsertSpace={false} aria-label={`编辑：${e.word}`} onClick={() => setEditing(e)}>
                  编辑
                </Button>
                <Button size="small" danger autoInsertSpace={false} aria-label={`删除：${e.word}`} onClick={() => remove(e)}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="审查词库"
      extra={
        canManage && (
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              批量导入
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增词条
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph>
        敏感词和错误表述（如机构旧称、错误职务称谓）在发布前审查和发布后复查中标出。词库修改后各服务实例自动更新，并重新复查已公开内容。
        {data && `（词库版本 ${data.version}，共 ${data.total} 条）`}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="按类型筛选" allowClear placeholder="全部类型" style={{ width: 140 }} options={KIND_OPTIONS} value={query.kind} onChange={(kind) => setQuery({ ...query, kind, page: 1 })} />
        <Input.Search aria-label="搜索词语" placeholder="搜索词语或正确表述" allowClear style={{ width: 260 }} onSearch={(q) => setQuery({ ...query, q, page: 1 })} />
      </Space>
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 500], onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
      />
      {editing && (
        <EntryModal
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            load();
          }}
        />
      )}
      {importing && (
        <ImportModal
          onClose={() => setImporting(false)}
          onDone={() => {
            setImporting(false);
            load();
          }}
        />
      )}
    </Card>
  );
}

function EntryModal({ entry, onClose, onDone }: { entry: DictionaryEntry | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<DictionaryEntryInput>();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const submit = async () => {
    const v = await form.validateFields();
    const input = { ...v, word: v.word.trim(), correct: v.kind === 'wrong' ? v.correct?.trim() || null : null, note: v.note?.trim() || null };
    setBusy(true);
    try {
      if (entry) await reviewApi.updateEntry(entry.id, input);
      else await reviewApi.addEntry(input);
      void message.success(entry ? '已保存词条' : '已新增词条');
      onDone();
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={entry ? `编辑词条“${entry.word}”` : '新增词条'} okText="保存" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void submit().catch(() => undefined)} onCancel={onClose}>
      <Form
        form={form}
        name="dictionaryEntry"
        layout="vertical"
        initialValues={entry ? { word: entry.word, kind: entry.kind, correct: entry.correct, severity: entry.severity, note: entry.note, active: entry.active } : { kind: 'sensitive', severity: 'high', active: true }}
      >
        <Form.Item name="kind" label="类型">
          <Radio.Group options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="word" label="词语" rules={[{ required: true, whitespace: true, message: '请填写词语' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        {kind === 'wrong' && (
          <Form.Item name="correct" label="正确表述" rules={[{ required: true, whitespace: true, message: '错误表述须填写正确表述' }, { max: 100 }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="severity" label="严重程度">
          <Select options={SEVERITY_OPTIONS} />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ImportModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { modal } = App.useApp();
  const report = useErrorReporter();
  const [kind, setKind] = useState<DictionaryKind>('sensitive');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await reviewApi.importEntries(kind, await file.text());
      modal.success({ title: '导入完成', content: `新增 ${r.added} 条，更新 ${r.updated} 条，跳过 ${r.skipped} 行。`, okText: '知道了' });
      onDone();
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="批量导入词条" okText="导入" cancelText="取消" okButtonProps={{ loading: busy, disabled: !file }} onOk={() => void submit()} onCancel={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          TXT 文件每行一个词语；CSV 文件每行“词语,正确表述,严重程度,备注”（可有标题行）。文件须为 UTF-8 编码，一次最多 100,000 条，已有的词语将被更新。
        </Typography.Paragraph>
        <Radio.Group aria-label="导入为" options={KIND_OPTIONS} value={kind} onChange={(e) => setKind(e.target.value as DictionaryKind)} />
        <Upload
          accept=".txt,.csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button icon={<UploadOutlined />}>选择 TXT 或 CSV 文件</Button>
        </Upload>
      </Space>
    </Modal>
  );
}

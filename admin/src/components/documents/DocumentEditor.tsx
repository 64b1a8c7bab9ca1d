// The document editor (new and existing): metadata and body, workflow actions, catalog columns, links,
// effects and validity, and a portal-style preview. Saving sends the loaded lockVersion (optimistic locking).
import { ArrowLeftOutlined, EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Form, Space, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import { useAuth, useCan } from '../../auth';
import { navigate, useLocation } from '../../router';
import type { DocumentFields, DocumentItem } from '../../types';
import { errorMessage, useErrorReporter } from '../errors';
import { useOrgTree } from '../useOrgTree';
import { DocumentActions } from './DocumentActions';
import { checkFields, NEW_DOCUMENT, toCreateInput, toFields, toFormValues } from './documentForm';
import type { DocumentFormValues } from './documentForm';
import { DocumentFormFields } from './DocumentFormFields';
import { DocumentPanels } from './DocumentPanels';
import { DocumentAttachments } from './DocumentAttachments';
import { DocumentPreview, PortalDocument } from './DocumentPreview';
import type { PreviewMeta } from './DocumentPreview';
import { DocumentStatus } from './DocumentStatus';
import { STATE_LABELS } from './labels';
import { DocumentReviewCard } from '../review/DocumentReview';

const EDITABLE_STATES = new Set(['draft', 'rejected']);

/** `id` null: a new document. */
export function DocumentEditor({ id }: { id: string | null }) {
  const { user } = useAuth();
  const can = useCan();
  const location = useLocation();
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<DocumentFormValues>();
  const [doc, setDoc] = useState<DocumentItem | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ fields: DocumentFields; meta: PreviewMeta } | null>(null);
  const orgs = useOrgTree();
  // 公开前审查: re-read after attachment changes and refusals; the last refusal of approve/publish stays visible.
  const [reviewVersion, setReviewVersion] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);

  const accept = useCallback(
    (d: DocumentItem) => {
      setDoc(d);
      form.resetFields();
      const values = toFormValues(d);
      form.setFieldsValue(values);
      // Warnings (e.g. publication later than 条例 Art. 26 allows) show on opening, not only after a save.
      setWarnings(checkFields(toFields(values), d.edition.publishedAt).warnings);
      setDirty(false);
      setConflict(false);
      setRefusal(null);
    },
    [form],
  );

  const load = useCallback(() => {
    if (!id) return;
    setLoadError(null);
    api.documents.get(id).then(accept, (err: unknown) => setLoadError(errorMessage(err)));
  }, [id, accept]);
  useEffect(load, [load]);

  // Unsaved edits: the browser asks before leaving the page.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const working = doc ? doc.edition.id !== doc.publishedEditionId : true;
  let readOnlyReason: string | null = null;
  if (!can('document.edit')) readOnlyReason = '您没有编辑文件的权限，只能查看。';
  else if (doc && !working) readOnlyReason = '这是已公开的版本，不能直接修改；如需修改，请新建修订版本。';
  else if (doc && !EDITABLE_STATES.has(doc.edition.state))
    readOnlyReason = `此版本处于“${STATE_LABELS[doc.edition.state]}”状态，不能修改。`;
  const editable = readOnlyReason === null;

  const save = async (): Promise<boolean> => {
    let values: DocumentFormValues;
    try {
      values = await form.validateFields();
    } catch {
      void message.error('请先修正标红的字段。');
      return false;
    }
    const fields = toFields(values);
    const check = checkFields(fields, doc?.edition.publishedAt);
    setWarnings(check.warnings);
    if (check.errors.length > 0) {
      const byName = new Map<string, string[]>();
      for (const e of check.errors) byName.set(e.name, [...(byName.get(e.name) ?? []), e.message]);
      form.setFields([...byName].map(([name, errors]) => ({ name: name as keyof DocumentFormValues, errors })));
      void message.error('请先修正标红的字段。');
      return false;
    }
    setSaving(true);
    try {
      if (!doc) {
        const created = await api.documents.create(toCreateInput(values));
        setDirty(false);
        void message.success('已保存草稿');
        navigate(`/documents?edit=${encodeURIComponent(created.id)}`, { replace: true });
      } else {
        accept(await api.documents.update(doc.id, { ...fields, lockVersion: doc.edition.lockVersion }));
        void message.success('已保存');
      }
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'EDIT_CONFLICT') setConflict(true);
      else if (err instanceof ApiError && err.code === 'DOC_NO_TAKEN') form.setFields([{ name: 'docNo', errors: [err.message] }]);
      report(err, form);
      return false;
    } finally {
      setSaving(false);
    }
  };

  if (loadError) {
    return (
      <Card>
        <Alert
          type="error"
          showIcon
          title="无法打开文件"
          description={loadError}
          action={<Button onClick={() => navigate('/documents')}>返回列表</Button>}
        />
      </Card>
    );
  }
  if (id && !doc) return <Spin style={{ display: 'block', margin: '80px auto' }} aria-label="加载中" />;

  const back = () => {
    if (!dirty) return navigate('/documents');
    modal.confirm({
      title: '放弃未保存的修改？',
      content: '离开后，本页尚未保存的修改将丢失。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: () => navigate('/documents'),
    });
  };

  const previewMeta = (values: DocumentFormValues): PreviewMeta =>
    doc
      ? {
          organisationName: doc.organisationName,
          indexNo: doc.indexNo,
          publishedAt: doc.edition.publishedAt,
          kind: doc.kind,
          normativeKind: doc.normativeKind,
        }
      : {
          organisationName: orgs.items.find((o) => o.id === values.organisationId)?.name ?? '',
          indexNo: null,
          publishedAt: null,
          kind: values.kind,
          normativeKind: values.normativeKind === 'none' ? null : values.normativeKind,
        };
  const openPreview = () => {
    const values = editable || !doc ? (form.getFieldsValue(true) as DocumentFormValues) : toFormValues(doc);
    setPreview({ fields: toFields(values), meta: previewMeta(values) });
  };

  const initial: Partial<DocumentFormValues> = {
    ...NEW_DOCUMENT,
    organisationId: location.search.get('org') ?? user.organisationId ?? undefined,
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={doc ? doc.edition.title || '（无标题）' : '新建文件'}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={back}>
              返回列表
            </Button>
            <Button icon={<EyeOutlined />} onClick={openPreview}>
              预览
            </Button>
            {editable && (
              <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
                {doc ? '保存' : '保存草稿'}
              </Button>
            )}
          </Space>
        }
      >
        {doc ? (
          <>
            <DocumentStatus doc={doc} readOnlyReason={readOnlyReason} conflict={conflict} warnings={warnings} onReload={load} />
            <Divider titlePlacement="start" plain>
              流转操作
            </Divider>
            <DocumentActions
              doc={doc}
              onChanged={accept}
              beforeAct={() => (dirty && editable ? save() : Promise.resolve(true))}
              onRefused={(_, reason) => {
                setRefusal(reason);
                setReviewVersion((n) => n + 1);
              }}
            />
          </>
        ) : (
          <>
            {warnings.length > 0 && (
              <Alert type="warning" showIcon title="请核对" description={warnings.join(' ')} style={{ marginBottom: 12 }} />
            )}
            <Alert type="info" showIcon title="填写标题和所属机构后即可保存草稿；其余信息可稍后补充，提交审核前请填写完整。" />
          </>
        )}
      </Card>

      {editable || !doc ? (
        <Card title="文件信息与正文">
          <Form form={form} name="doc" layout="vertical" initialValues={initial} onValuesChange={() => setDirty(true)} requiredMark>
            <DocumentFormFields form={form} creating={!doc} revision={!!doc && doc.edition.version !== '1.0'} />
          </Form>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
            {doc ? '保存' : '保存草稿'}
          </Button>
        </Card>
      ) : (
        <Card title="文件信息与正文（只读，按门户网站样式显示）">
          <PortalDocument fields={toFields(toFormValues(doc))} meta={previewMeta(toFormValues(doc))} />
        </Card>
      )}

      {doc && (
        <Card title="附件">
          {/* Keyed by edition: a new edition starts with its own (copied) list. */}
          <DocumentAttachments key={doc.edition.id} doc={doc} editable={editable} onChanged={() => setReviewVersion((n) => n + 1)} />
        </Card>
      )}

      {doc && (
        <DocumentReviewCard
          doc={doc}
          version={reviewVersion}
          editable={editable}
          refusal={refusal}
          beforeChange={() => (dirty && editable ? save() : Promise.resolve(true))}
          onDocumentChanged={load}
        />
      )}

      {doc && <DocumentPanels doc={doc} />}

      <DocumentPreview
        open={preview !== null}
        onClose={() => setPreview(null)}
        fields={preview?.fields ?? null}
        meta={preview?.meta ?? null}
      />
    </Space>
  );
}

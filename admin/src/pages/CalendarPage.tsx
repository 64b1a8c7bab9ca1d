// 工作日历: the holidays and make-up workdays (调休上班) of a year as a month grid and a list, with their source
// (bundled chinese-days, an imported State Council schedule, or an administrator's override citing a document);
// import of a year's schedule (.json), add/delete overrides, which years are loaded, and a working-day calculator.
// Deadlines running into a year whose schedule is not loaded are computed from weekends only and marked 暂定.
import { CalculatorOutlined, DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { calendarApi } from '../api';
import { useAuth } from '../auth';
import { useErrorReporter } from '../components/errors';
import { formatTime } from '../components/format';
import { ToneTag } from '../components/normative/ToneTag';
import { useOrgTree } from '../components/useOrgTree';
import { navigate, useLocation } from '../router';
import type { CalendarDay, CalendarOverrideInput, CalendarYearStatus } from '../types';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const KIND_LABELS: Record<CalendarDay['kind'], string> = { holiday: '放假', workday: '调休上班', ordinary: '照常（调整）' };
const SOURCE_LABELS: Record<string, string> = { 'chinese-days': '内置（chinese-days）', import: '导入', manual: '手工录入' };

type YearsData = Awaited<ReturnType<typeof calendarApi.years>>;

/** System administrators on the root organisation manage the calendar (mirrors the server's isPlatformAdmin). */
function useCanManageCalendar(): boolean {
  const { user } = useAuth();
  const { items } = useOrgTree();
  const roots = new Set(items.filter((o) => o.parentId === null).map((o) => o.id));
  return user.roles.some((g) => g.role === 'sysadmin' && roots.has(g.organisationId));
}

function sourceText(d: CalendarDay): string {
  if (d.source === 'override') return `${d.sourceTitle ?? '管理员调整'}${d.sourceNumber ? `（${d.sourceNumber}）` : ''}`;
  if (d.source === 'chinese-days') return SOURCE_LABELS['chinese-days']!;
  return '';
}

export default function CalendarPage() {
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const canManage = useCanManageCalendar();
  const location = useLocation();
  const [years, setYears] = useState<YearsData | null>(null);
  const queryYear = Number(location.search.get('year'));
  const [year, setYear] = useState<number>(queryYear >= 2000 && queryYear <= 2100 ? queryYear : new Date().getFullYear());
  const [days, setDays] = useState<{ scheduled: boolean; items: CalendarDay[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const [adding, setAdding] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  const loadYears = useCallback(() => calendarApi.years().then(setYears, report), [report]);
  const loadDays = useCallback(() => {
    setLoading(true);
    calendarApi
      .days(year)
      .then(setDays, report)
      .finally(() => setLoading(false));
  }, [year, report]);
  useEffect(() => void loadYears(), [loadYears]);
  useEffect(loadDays, [loadDays]);
  const reload = () => {
    void loadYears();
    loadDays();
  };

  const chooseYear = (y: number) => {
    setYear(y);
    navigate(`/calendar?year=${y}`, { replace: true });
  };

  const yearOptions = useMemo(() => {
    const set = new Set<number>((years?.items ?? []).map((y) => y.year));
    set.add(year);
    return [...set].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y} 年` }));
  }, [years, year]);

  const remove = (d: CalendarDay) =>
    modal.confirm({
      title: `删除 ${d.date} 的调整？`,
      content: `删除后该日按${d.weekend ? '周末' : '工作日'}或内置安排计算。来源：${sourceText(d)}`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        calendarApi.removeOverride(d.date).then(() => {
          void message.success(`已删除 ${d.date} 的调整`);
          reload();
        }, report),
    });

  const columns: TableColumnsType<CalendarDay> = [
    { title: '日期', dataIndex: 'date', width: 120 },
    { title: '星期', width: 80, render: (_, d) => `星期${WEEKDAYS[weekdayOf(d.date)]}` },
    { title: '类型', width: 120, render: (_, d) => <ToneTag tone={d.kind === 'holiday' ? 'red' : d.kind === 'workday' ? 'blue' : 'grey'}>{KIND_LABELS[d.kind]}</ToneTag> },
    { title: '名称', width: 100, render: (_, d) => d.name ?? '' },
    { title: '来源', render: (_, d) => (d.source === 'override' ? <span>调整：{sourceText(d)}</span> : sourceText(d)) },
    ...(canManage
      ? [
          {
            title: '操作',
            width: 90,
            render: (_: unknown, d: CalendarDay) =>
              d.source === 'override' ? (
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除调整：${d.date}`} onClick={() => remove(d)}>
                  删除
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const next = years?.nextYear;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {years && !years.nextYearScheduled && (
        <Alert
          type="warning"
          showIcon
          title={`${next} 年节假日安排尚未载入`}
          description={`延伸到 ${next} 年的期限目前只按周末推算，标为“暂定”。国务院办公厅通常在 10 月下旬至 12 月上旬发布下一年的节假日安排，发布后请导入。`}
        />
      )}
      <Card
        title="工作日历"
        extra={
          canManage && (
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入年度安排
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding('')}>
                新增调整
              </Button>
            </Space>
          )
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Select aria-label="选择年份" style={{ width: 120 }} value={year} options={yearOptions} onChange={chooseYear} />
          {days && (days.scheduled ? <ToneTag tone="green">{year} 年安排已载入</ToneTag> : <ToneTag tone="orange">{year} 年安排未载入：按周末推算（暂定）</ToneTag>)}
          <Typography.Text type="secondary">
            <ToneTag tone="red">休</ToneTag>放假 <ToneTag tone="blue">班</ToneTag>调休上班（计为工作日）
          </Typography.Text>
        </Space>
        <MonthGrid year={year} days={days?.items ?? []} />
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {year} 年节假日与调休（{days?.items.length ?? 0} 天）
        </Typography.Title>
        <Table rowKey="date" size="small" loading={loading} columns={columns} dataSource={days?.items ?? []} pagination={false} scroll={{ x: 700 }} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <YearsCard years={years} canManage={canManage} onChanged={reload} onPick={chooseYear} />
        </Col>
        <Col xs={24} lg={10}>
          <Calculator />
        </Col>
      </Row>
      {adding !== null && (
        <OverrideModal
          initialDate={adding}
          year={year}
          onClose={() => setAdding(null)}
          onDone={(date) => {
            setAdding(null);
            if (Number(date.slice(0, 4)) !== year) chooseYear(Number(date.slice(0, 4)));
            reload();
          }}
        />
      )}
      {importing && (
        <ImportModal
          onClose={() => setImporting(false)}
          onDone={(y) => {
            setImporting(false);
            if (y !== year) chooseYear(y);
            reload();
          }}
        />
      )}
    </Space>
  );
}

/** Twelve small month calendars; holidays and make-up workdays marked (with text, not only colour). */
function MonthGrid({ year, days }: { year: number; days: CalendarDay[] }) {
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))', gap: 12 }}>
      {Array.from({ length: 12 }, (_, m) => {
        const first = new Date(Date.UTC(year, m, 1)).getUTCDay();
        const length = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
        const cells: (number | null)[] = [...Array<null>(first).fill(null), ...Array.from({ length }, (_, i) => i + 1)];
        return (
          <section key={m} aria-label={`${year} 年 ${m + 1} 月`} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
            <div style={{ fontWeight: 600, marginBottom: 4 }}>{m + 1} 月</div>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12, textAlign: 'center' }}>
              {WEEKDAYS.map((w) => (
                <div key={w} style={{ color: '#595959' }} aria-hidden>
                  {w}
                </div>
              ))}
              {cells.map((d, i) => {
                if (d === null) return <div key={`e${i}`} />;
                const date = `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
                const info = byDate.get(date);
                const weekend = (first + d - 1) % 7 === 0 || (first + d - 1) % 7 === 6;
                const rest = info ? !info.working : weekend;
                const mark = info?.kind === 'holiday' ? '休' : info?.kind === 'workday' ? '班' : '';
                const label = `${date}${info ? `：${KIND_LABELS[info.kind]}${info.name ? `（${info.name}）` : ''}${info.source === 'override' ? '，管理员调整' : ''}` : ''}`;
                return (
                  <div
                    key={date}
                    title={label}
                    data-date={date}
                    style={{
                      borderRadius: 4,
                      padding: '2px 0',
                      background: info?.kind === 'holiday' ? '#fff1f0' : info?.kind === 'workday' ? '#e6f4ff' : undefined,
                      color: info?.kind === 'holiday' ? '#a8071a' : info?.kind === 'workday' ? '#003eb3' : rest ? '#595959' : undefined,
                      outline: info?.source === 'override' ? '1px dashed #8c8c8c' : undefined,
                    }}
                  >
                    {d}
                    {mark && <sup style={{ fontSize: 9 }}>{mark}</sup>}
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function YearsCard({ years, canManage, onChanged, onPick }: { years: YearsData | null; canManage: boolean; onChanged: () => void; onPick: (y: number) => void }) {
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const [marking, setMarking] = useState<number | null>(null);
  const unmark = (y: CalendarYearStatus) =>
    modal.confirm({
      title: `取消 ${y.year} 年“已载入”标记？`,
      content: '该年已有的调整保留；未内置安排的年份，其期限将重新标为“暂定”。',
      okText: '取消标记',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: () =>
        calendarApi.unmarkYear(y.year).then(() => {
          void message.success('已取消标记');
          onChanged();
        }, report),
    });
  const columns: TableColumnsType<CalendarYearStatus> = [
    {
      title: '年份',
      width: 90,
      render: (_, y) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(y.year)}>
          {y.year} 年
        </Button>
      ),
    },
    { title: '状态', width: 150, render: (_, y) => (y.scheduled ? <ToneTag tone="green">已载入</ToneTag> : <ToneTag tone="orange">未载入（暂定）</ToneTag>) },
    { title: '来源', render: (_, y) => (y.source ? `${SOURCE_LABELS[y.source]}${y.sourceTitle ? `：${y.sourceTitle}` : ''}${y.sourceNumber ? `（${y.sourceNumber}）` : ''}` : '—') },
    { title: '载入', width: 170, render: (_, y) => (y.loadedAt ? `${formatTime(y.loadedAt)} ${y.loadedBy ?? ''}` : '') },
    ...(canManage
      ? [
          {
            title: '操作',
            width: 110,
            render: (_: unknown, y: CalendarYearStatus) =>
              y.source === 'import' || y.source === 'manual' ? (
                <Button size="small" onClick={() => unmark(y)}>
                  取消标记
                </Button>
              ) : !y.scheduled ? (
                <Button size="small" onClick={() => setMarking(y.year)}>
                  标记已录入
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card title="年度安排载入情况" size="small">
      <Table rowKey="year" size="small" columns={columns} dataSource={years?.items ?? []} pagination={{ pageSize: 8, hideOnSinglePage: true }} />
      {marking !== null && (
        <MarkYearModal
          year={marking}
          onClose={() => setMarking(null)}
          onDone={() => {
            setMarking(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

function MarkYearModal({ year, onClose, onDone }: { year: number; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ sourceTitle: string; sourceNumber?: string }>();
  const report = useErrorReporter();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await calendarApi.markYear(year, v.sourceTitle.trim(), v.sourceNumber?.trim() || null);
      onDone();
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`标记 ${year} 年安排已手工录入`} okText="标记" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void submit().catch(() => undefined)} onCancel={onClose}>
      <Typography.Paragraph>请先逐日录入该年的放假和调休上班日。标记后，该年的期限不再标为“暂定”。</Typography.Paragraph>
      <Form form={form} name="calendarMarkYear" layout="vertical" initialValues={{ sourceTitle: `国务院办公厅关于${year}年部分节假日安排的通知` }}>
        <Form.Item name="sourceTitle" label="来源文件" rules={[{ required: true, whitespace: true, message: '请填写来源文件' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="sourceNumber" label="文号" rules={[{ max: 100 }]}>
          <Input placeholder="如 国办发明电〔2025〕7号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OverrideModal({ initialDate, year, onClose, onDone }: { initialDate: string; year: number; onClose: () => void; onDone: (date: string) => void }) {
  const [form] = Form.useForm<CalendarOverrideInput & { date: string }>();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await calendarApi.putOverride(v.date.trim(), {
        kind: v.kind,
        name: v.name?.trim() || null,
        sourceTitle: v.sourceTitle.trim(),
        sourceNumber: v.sourceNumber?.trim() || null,
        note: v.note?.trim() || null,
      });
      void message.success(`已保存 ${v.date} 的调整`);
      onDone(v.date.trim());
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="新增调整" okText="保存" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void submit().catch(() => undefined)} onCancel={onClose}>
      <Typography.Paragraph type="secondary">调整优先于内置和导入的安排；同一日期已有调整时将被替换。请注明依据的文件。</Typography.Paragraph>
      <Form form={form} name="calendarOverride" layout="vertical" initialValues={{ date: initialDate || `${year}-`, kind: 'holiday' }}>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写日期' }, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Radio.Group
            options={[
              { value: 'holiday', label: '放假' },
              { value: 'workday', label: '调休上班（计为工作日）' },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label="节日名称" rules={[{ max: 50 }]}>
          <Input placeholder="如 国庆节" />
        </Form.Item>
        <Form.Item name="sourceTitle" label="来源文件" rules={[{ required: true, whitespace: true, message: '请填写来源文件' }, { max: 200 }]}>
          <Input placeholder="如 国务院办公厅关于2027年部分节假日安排的通知" />
        </Form.Item>
        <Form.Item name="sourceNumber" label="文号" rules={[{ max: 100 }]}>
          <Input placeholder="如 国办发明电〔2026〕1号" />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ImportModal({ onClose, onDone }: { onClose: () => void; onDone: (year: number) => void }) {
  const { modal } = App.useApp();
  const report = useErrorReporter();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Sent as text: the server answers with a clear message.
      }
      const r = await calendarApi.importSchedule(body);
      modal.success({
        title: '导入完成',
        content: `已导入 ${r.year} 年节假日安排：${r.days} 天（放假 ${r.holidays} 天，调休上班 ${r.workdays} 天），替换原有调整 ${r.replaced} 条。`,
        okText: '知道了',
      });
      onDone(r.year);
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="导入年度节假日安排" okText="导入" cancelText="取消" okButtonProps={{ loading: busy, disabled: !file }} onOk={() => void submit()} onCancel={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          选择一年的节假日安排 JSON 文件（格式：{'{year, papers, days: [{name, date, isOffDay}]}'}，isOffDay 为 false 表示调休上班）。导入将替换该年已有的全部调整，并记入审计日志。
        </Typography.Paragraph>
        <Upload
          accept=".json,application/json"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button icon={<UploadOutlined />}>选择 JSON 文件</Button>
        </Upload>
      </Space>
    </Modal>
  );
}

/** 期限计算: the n-th working day after a date, as the deadline engine computes it. */
function Calculator() {
  const report = useErrorReporter();
  const [from, setFrom] = useState(() => new Date().toISOString().slice(0, 10));
  const [n, setN] = useState<number | null>(20);
  const [result, setResult] = useState<{ date: string; provisional: boolean } | null>(null);
  const run = () => {
    calendarApi.workingDays(from.trim(), n ?? 0).then(setResult, (err) => {
      setResult(null);
      report(err);
    });
  };
  return (
    <Card title="期限计算" size="small">
      <Space wrap>
        <Input aria-label="起算日" style={{ width: 130 }} value={from} onChange={(e) => setFrom(e.target.value)} placeholder="YYYY-MM-DD" />
        <InputNumber aria-label="工作日数" min={0} max={3650} value={n} onChange={setN} suffix="个工作日" style={{ width: 150 }} />
        <Button icon={<CalculatorOutlined />} onClick={run}>
          计算
        </Button>
      </Space>
      <div role="status" style={{ marginTop: 12, minHeight: 24 }}>
        {result && (
          <span>
            第 {n} 个工作日：<strong data-testid="working-day-result">{result.date}</strong>
            {result.provisional && (
              <span style={{ marginLeft: 8 }}>
                <ToneTag tone="orange">暂定</ToneTag>
              </span>
            )}
          </span>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        起算日当天不计入；调休上班日计为工作日；跨入未载入安排的年份时结果标为“暂定”。
      </Typography.Paragraph>
    </Card>
  );
}

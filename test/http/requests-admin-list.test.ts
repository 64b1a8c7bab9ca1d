// What the admin case pages need of the API beyond the case core: list filters by applicant kind and receipt date,
// the due-date order, the vocabulary (outcomes exactly as table 3, Art. 31 rules per channel), and the to-do link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicantFields, multipart, proofPdf, setupRequests, uscc } from './requests.support.ts';

type ListItem = { trackingNo: string; informationTitle: string; applicantKind: string; receivedOn: string; answerDue: { date: string } | null; state: string };
type List = { items: ListItem[]; total: number; page: number; pageSize: number };

test('case list: applicant kind, receipt date range, due-date order with paging; vocabulary; to-do links', async (t) => {
  const s = await setupRequests(t);
  const { app, dept, handler, otherHandler } = s;
  const apply = async (day: string, title: string, over: Record<string, string> = {}) => {
    s.setToday(day);
    const f = await multipart(applicantFields(dept.id, { title, docNumber: '', ...over }), { identityProof: { name: 'id.pdf', bytes: proofPdf() } });
    const r = await app.inject({ method: 'POST', url: '/api/v1/requests', ...f });
    assert.equal(r.statusCode, 201, r.body);
    return r.json() as { trackingNo: string; answerDue: { date: string } };
  };
  // Received 10-26 (due 11-23), 10-16 (due 11-13, by a company), 11-16 (due 12-14).
  await apply('2026-10-26', '乙 河道治理');
  await apply('2026-10-16', '甲 企业补贴', { applicantKind: 'commercial', idNumber: uscc(), contactPerson: '李四' });
  await apply('2026-11-16', '丙 路灯');
  s.setToday('2026-11-20');
  const list = async (qs: string, headers = handler) => {
    const r = await app.inject({ url: `/api/v1/requests?${qs}`, headers });
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as List;
  };
  const titles = (l: List) => l.items.map((i) => i.informationTitle);

  assert.deepEqual(titles(await list('')), ['丙 路灯', '乙 河道治理', '甲 企业补贴'], 'default: newest receipt first');
  assert.deepEqual(titles(await list('sort=due')), ['甲 企业补贴', '乙 河道治理', '丙 路灯'], 'earliest due first');
  const paged = await list('sort=due&page=2&pageSize=2');
  assert.deepEqual(titles(paged), ['丙 路灯']);
  assert.equal(paged.total, 3);
  assert.deepEqual(titles(await list('applicantKind=commercial')), ['甲 企业补贴']);
  assert.deepEqual(titles(await list('applicantKind=natural&sort=due')), ['乙 河道治理', '丙 路灯']);
  assert.deepEqual(titles(await list('receivedFrom=2026-10-20&receivedTo=2026-11-15')), ['乙 河道治理']);
  assert.deepEqual(titles(await list('receivedFrom=2026-10-20&urgency=near')), ['乙 河道治理']);
  assert.equal((await list('sort=due', otherHandler)).total, 0, 'another organisation sees none');

  const bad = await app.inject({ url: '/api/v1/requests?receivedFrom=2026-11-15&receivedTo=2026-10-20', headers: handler });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /结束日期不能早于开始日期/);
  assert.equal((await app.inject({ url: '/api/v1/requests?applicantKind=alien', headers: handler })).statusCode, 400);
  assert.equal((await app.inject({ url: '/api/v1/requests?sort=title', headers: handler })).statusCode, 400);

  // Vocabulary: staff only; outcomes are the answerable table-3 rows with group and basis; channels carry Art. 31.
  assert.equal((await app.inject({ url: '/api/v1/requests/vocabulary' })).statusCode, 401);
  const v = (await app.inject({ url: '/api/v1/requests/vocabulary', headers: handler })).json() as {
    outcomes: { value: string; name: string; group: string; basis: string }[];
    channels: { value: string; name: string; rule: string }[];
    states: { value: string; name: string }[];
    applicantKinds: { value: string; name: string }[];
    remedyKinds: { value: string; name: string }[];
  };
  assert.equal(v.outcomes.length, 19);
  assert.ok(!v.outcomes.some((o) => o.value === 'other.overdue_correction' || o.value === 'other.overdue_fee'), 'the lapse rows come from events');
  assert.deepEqual(v.outcomes.find((o) => o.value === 'partial'), { value: 'partial', name: '部分公开', group: '部分公开', basis: '《中华人民共和国政府信息公开条例》第三十七条' });
  assert.equal(v.outcomes.filter((o) => o.group === '不予公开').length, 8);
  assert.match(v.channels.find((c) => c.value === 'post_signed')!.rule, /签收之日/);
  assert.equal(v.channels.length, 6);
  assert.equal(v.states.find((x) => x.value === 'correction_requested')!.name, '待补正');
  assert.equal(v.applicantKinds.length, 6);
  assert.deepEqual(v.remedyKinds.map((k) => k.name), ['行政复议', '直接起诉', '复议后起诉']);

  // Transfer targets: every active organisation by name (a handler's own tree stops at its department); handlers only.
  const targets = (await app.inject({ url: '/api/v1/requests/transfer-targets', headers: handler })).json() as { items: { id: string; name: string; parentId: string | null }[] };
  assert.ok(targets.items.some((o) => o.id === s.other.id && o.name === '宜昌市财政局'));
  assert.deepEqual(Object.keys(targets.items[0]!).sort(), ['id', 'name', 'parentId']);
  assert.equal((await app.inject({ url: '/api/v1/requests/transfer-targets', headers: s.legal })).statusCode, 404, 'legal counsel does not transfer');

  // The to-do opens the case page of the admin app (/admin/requests?id=…).
  const actor = (await s.services.auth.resolveSession(handler.cookie.split('=')[1]!, { ip: null, userAgent: null, requestId: null }))!.actor;
  const todos = (await s.services.todo.list(actor, '2026-11-20')).items.filter((i) => i.kind === 'request_deadline');
  const first = (await list('sort=due')).items[0]!;
  assert.equal(todos.length, 2, '甲 overdue, 乙 near');
  assert.match(todos[0]!.href, /^\/requests\?id=[0-9a-f-]{36}$/);
  assert.ok(todos.some((i) => i.title.startsWith(first.trackingNo)));
});

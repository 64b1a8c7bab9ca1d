import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applicationInput, applyValues, formOnlyErrors, newFormToken, serviceErrors, tokensMatch } from './request-form.ts';
import type { FieldError } from '../platform/errors.ts';
import { chineseDate, normaliseTracking, publicStateName } from './request-view.ts';

const person = { orgId: 'o1', applicantCategory: 'natural', personName: '张三', idNumber: '42050219900307123X', phone: '139', title: 'T', form: 'paper', delivery: 'post', declaration: '1' };

test('the form maps to the service input by applicant category', () => {
  const natural = applicationInput(applyValues({ ...person, orgName: '忽略', uscc: 'X', contactPerson: '忽略', suggestProactive: '1' }));
  assert.equal(natural.applicant.kind, 'natural');
  assert.equal(natural.applicant.name, '张三');
  assert.equal(natural.applicant.idNumber, '42050219900307123X');
  assert.equal(natural.applicant.contactPerson, undefined, 'the other section is ignored');
  assert.equal(natural.suggestProactive, true);
  assert.equal(natural.information.description, undefined);

  const org = applicationInput(
    applyValues({ ...person, applicantCategory: 'org', orgName: '某公司', uscc: '91420500MA4F000010', orgType: 'legal_service', legalRep: '王五', contactPerson: '赵六', description: '2026 年的', purpose: '诉讼' }),
  );
  assert.equal(org.applicant.kind, 'legal_service');
  assert.equal(org.applicant.name, '某公司');
  assert.equal(org.applicant.idNumber, '91420500MA4F000010');
  assert.equal(org.applicant.contactPerson, '赵六');
  assert.equal(org.applicant.legalRepresentative, '王五');
  assert.equal(org.information.description, '2026 年的');
  assert.equal(org.information.purpose, '诉讼');
  assert.equal(org.suggestProactive, false);

  assert.equal(applicationInput(applyValues({ ...person, applicantCategory: 'org', orgType: 'natural' })).applicant.kind, '', 'natural is no organisation sub-type');
  assert.equal(applicationInput(applyValues({ ...person, applicantCategory: '' })).applicant.kind, '');
});

test('values are trimmed, capped and limited to the form fields', () => {
  const v = applyValues({ personName: '  张三 ', title: 'x'.repeat(5000), _csrf: 'secret', evil: '1' });
  assert.equal(v.personName, '张三');
  assert.equal(v.title?.length, 2000);
  assert.deepEqual(Object.keys(v).sort(), ['personName', 'title']);
});

test('the form-only checks: category, organisation sub-type and representative, declaration, ID type, purpose', () => {
  assert.deepEqual(formOnlyErrors(applyValues(person)), {});
  assert.deepEqual(Object.keys(formOnlyErrors(applyValues({ ...person, applicantCategory: '', declaration: '' }))).sort(), ['applicantCategory', 'declaration']);
  const org = formOnlyErrors(applyValues({ ...person, applicantCategory: 'org' }));
  assert.equal(org.orgType, '请选择法人或其他组织的类型');
  assert.equal(org.legalRep, '请填写法定代表人或负责人姓名');
  assert.match(formOnlyErrors(applyValues({ ...person, idType: 'passport' })).idType ?? '', /只支持居民身份证/);
  assert.match(formOnlyErrors(applyValues({ ...person, purpose: 'x'.repeat(501) })).purpose ?? '', /500/);
});

test('service field errors land on the form field of the chosen category, in Chinese', () => {
  const fields = [
    { path: 'applicant.idNumber', code: 'uscc' },
    { path: 'applicant.name', code: 'custom', params: { zh: '请填写法人或其他组织名称（100 字以内）', en: '' } },
    { path: 'form', code: 'enum', params: { values: 'paper, electronic, inspect' } },
    { path: 'orgId', code: 'unknownOrg' },
    { path: 'applicant.email', code: 'format', params: { format: 'email' } },
    { path: 'information.docNumber', code: 'maxLength', params: { limit: 100 } },
    { path: 'somethingElse', code: 'required' },
  ] as FieldError[];
  const org = serviceErrors(fields, false);
  assert.match(org.uscc ?? '', /统一社会信用代码/);
  assert.equal(org.orgName, '请填写法人或其他组织名称（100 字以内）');
  assert.equal(org.form, '请选择获取信息的形式');
  assert.equal(org.orgId, '请选择受理申请的行政机关');
  assert.equal(org.email, '电子邮箱格式不正确');
  assert.equal(org.docNumber, '不能超过 100 个字符');
  assert.equal(Object.keys(org).length, 6, 'unknown paths are dropped');
  const natural = serviceErrors(fields, true);
  assert.ok(natural.idNumber && natural.personName && !natural.uscc);
});

test('CSRF tokens: only the identical value matches', () => {
  const token = newFormToken();
  assert.ok(token.length >= 30);
  assert.notEqual(newFormToken(), token);
  assert.equal(tokensMatch(token, token), true);
  assert.equal(tokensMatch(token, `${token}x`), false);
  assert.equal(tokensMatch(undefined, token), false);
  assert.equal(tokensMatch(token, undefined), false);
  assert.equal(tokensMatch('short', 'short'), false, 'a too short cookie never counts');
  fc.assert(fc.property(fc.string({ minLength: 16 }), fc.string(), (a, b) => tokensMatch(a, b) === (a === b)));
});

test('tracking input is normalised; dates and states read in Chinese', () => {
  assert.deepEqual(normaliseTracking(' ys-2026-000001 ', ' k7m2 abcd ef\n'), { trackingNo: 'YS-2026-000001', code: 'K7M2ABCDEF' });
  assert.deepEqual(normaliseTracking(undefined, undefined), { trackingNo: '', code: '' });
  fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
    const n = normaliseTracking(a, b);
    return n.trackingNo.length <= 60 && n.code.length <= 64 && !/\s/.test(n.code);
  }));
  assert.equal(chineseDate('2026-03-02'), '2026年3月2日');
  assert.equal(chineseDate('not a date'), 'not a date');
  assert.equal(chineseDate(null), '');
  assert.equal(publicStateName({ state: 'legal_review', stateName: '法律审核中' }), '办理中');
  assert.equal(publicStateName({ state: 'answered', stateName: '已答复' }), '已答复');
});

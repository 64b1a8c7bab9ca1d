// Bank cards (Luhn + length + context words), passports and travel permits (keyword-anchored), USCC of individual businesses.
import { passesLuhn } from '../checks.ts';
import { isValidUscc } from '../../../../platform/text/identifiers.ts';
import { before, type Detector } from './hit.ts';

const CARD = /(?<![0-9A-Za-z])\d{4}(?:[\s-]?\d{4}){2}[\s-]?\d{4,7}(?![0-9A-Za-z])/g;
const CARD_CONTEXT = /卡号|账号|帐号|银行卡|开户|储蓄卡|信用卡|借记卡|收款账户|社保卡|银行账户|户名/;

export const detectBankCards: Detector = (text, _ctx, out) => {
  CARD.lastIndex = 0;
  for (let m = CARD.exec(text); m; m = CARD.exec(text)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 16 || digits.length > 19 || !passesLuhn(digits)) continue;
    const context = CARD_CONTEXT.test(before(text, m.index, 16));
    // Without a context word only UnionPay-looking numbers are worth a look, and only as a hint.
    if (!context && !digits.startsWith('62')) continue;
    out.push({
      category: 'bank_card',
      severity: context ? 'high' : 'low',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      ruleId: context ? 'bank_card.context' : 'bank_card.unionpay',
      message: context
        ? { zh: `银行卡号（${digits.length} 位，Luhn 校验通过，前有“卡号/账号”等字样）`, en: `Bank card number (${digits.length} digits, passes Luhn, labelled as an account)` }
        : { zh: `疑似银联卡号（62 开头，${digits.length} 位，Luhn 校验通过）`, en: `Possible UnionPay card number (starts with 62, ${digits.length} digits, passes Luhn)` },
    });
  }
};

// Travel documents have no public checksum (domain.md §8.5): only numbers right after a keyword are reported.
const PASSPORT = /(护照|证件)(?:号码|号)?\s*(?:为|是)?\s*[：:]?\s*((?:E[A-HJ-NP-Z0-9]|G\d|[PSD]E?\d)\d{7})(?![0-9A-Za-z])/g;
const PERMIT =
  /(通行证|回乡证|台胞证|往来港澳|往来台湾|来往内地|来往大陆)(?:号码|号)?\s*(?:为|是)?\s*[：:]?\s*([CHMLT][0-9A-Z]?\d{7,9}|\d{8})(?![0-9A-Za-z])/g;

export const detectTravelDocuments: Detector = (text, _ctx, out) => {
  PASSPORT.lastIndex = 0;
  for (let m = PASSPORT.exec(text); m; m = PASSPORT.exec(text)) {
    const number = m[2]!;
    const start = m.index + m[0].length - number.length;
    out.push({
      category: 'passport',
      severity: 'high',
      start,
      end: start + number.length,
      text: number,
      ruleId: 'passport.keyword',
      message: { zh: `护照号码（前有“${m[1]}”字样）`, en: 'Passport number (after a passport keyword)' },
    });
  }
  PERMIT.lastIndex = 0;
  for (let m = PERMIT.exec(text); m; m = PERMIT.exec(text)) {
    const number = m[2]!;
    const start = m.index + m[0].length - number.length;
    out.push({
      category: 'travel_permit',
      severity: 'high',
      start,
      end: start + number.length,
      text: number,
      ruleId: 'travel_permit.keyword',
      message: { zh: `通行证号码（前有“${m[1]}”字样）`, en: 'Travel permit number (after a permit keyword)' },
    });
  }
};

const USCC = /(?<![0-9A-Za-z])92\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Za-z])/g;

/** 92… = 工商 + 个体工商户: the code of an individual business may identify a person. Government codes (11…) are not reported. */
export const detectIndividualUscc: Detector = (text, _ctx, out) => {
  USCC.lastIndex = 0;
  for (let m = USCC.exec(text); m; m = USCC.exec(text)) {
    if (!isValidUscc(m[0])) continue;
    out.push({
      category: 'uscc_individual',
      severity: 'medium',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      ruleId: 'uscc.individual',
      message: {
        zh: '个体工商户统一社会信用代码（92 开头，校验位正确），可能属于个人信息',
        en: 'Unified social credit code of an individual business (92…, valid check character): may be personal data',
      },
    });
  }
};

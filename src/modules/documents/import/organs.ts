// Issuing organs (发布机构 / 发文机关): from a 落款 line, from the 发文机关标志 (…文件), and from the
// promulgation lines of laws and regulations ("2003年4月7日 中华人民共和国国务院令第374号公布").

const ORGAN_END =
  '(?:中央|人民政府|政府|办公室|办公厅|委员会|常委会|人民代表大会|局|厅|部|院|署|委|办|中心|会|所|站|处|队|公司|集团|法院|检察院|小组|指挥部|组|政府办|管委会|党委|街道办事处|办事处)';
const ORGAN = new RegExp(`^[\\p{Script=Han}（）()·]{2,40}${ORGAN_END}$`, 'u');
const NOT_ORGAN = /[，。；：:,;！？“”《》0-9]|关于|通知|印发/;

/** True when a short line is the name of an organ (宜昌市人民政府办公室). */
export function isOrganName(text: string): boolean {
  const name = text.trim();
  return name.length <= 42 && ORGAN.test(name) && !NOT_ORGAN.test(name);
}

/** Organ names on a 落款 line: one name, or several separated by spaces or 、 (joint documents). */
export function organsOnLine(line: string): string[] | null {
  const parts = line
    .trim()
    .split(/[\s\u3000]+|、/)
    .filter(Boolean);
  return parts.length > 0 && parts.every(isOrganName) ? parts : null;
}

/** The organ of a 发文机关标志 line: 宜昌市人民政府办公室文件 → 宜昌市人民政府办公室. */
export function organFromMasthead(line: string): string | null {
  const match = /^(.{2,40}?)\s*文件$/u.exec(line.trim());
  return match && isOrganName(match[1]!) ? match[1]! : null;
}

const NUMBERED = '[0-9０-９〇零一二三四五六七八九十百]+';
const MEETING = new RegExp(`第?${NUMBERED}次?(?:常务|全体|主任|部务|局务|委务|署务|厅务|院务|行务|会长)?会议`, 'gu');
const SESSION = new RegExp(`第?${NUMBERED}届`, 'gu');
const EVENT_WORDS = /(?:公告|令)?(?:第\s*[0-9]+\s*号)?\s*(?:审议通过|修订通过|公布施行|公布|发布|通过|批准|修正|修订|施行|生效|起施行).*$/u;

/**
 * The organ that acted in an event line of a law's header, or null:
 * "上海市第十五届人民代表大会常务委员会第二十五次会议通过" → 上海市人民代表大会常务委员会,
 * "中华人民共和国国务院令第374号公布" → 中华人民共和国国务院, "最高人民法院审判委员会第1813次会议通过" → 最高人民法院.
 */
export function organFromEvent(event: string): string | null {
  let text = event.replace(/^\s*(?:根据|并经|经)/u, '').split(/[《〈<]/u)[0]!;
  text = text.replace(/令\s*(?:[0-9]{4}年)?第\s*[0-9]+\s*号.*$/u, '').replace(/第\s*[0-9]+\s*号令.*$/u, '');
  text = text.replace(MEETING, '').replace(SESSION, '').replace(EVENT_WORDS, '');
  text = text
    .replace(/(审判委员会|检察委员会)$/u, '')
    .replace(/[\s\u3000）)]+$/u, '')
    .trim();
  if (!text || /[0-9]/.test(text) || text.length > 40) return null;
  return text.split('、').every(isOrganName) ? text : null;
}

/** The organ(s) a title names before 关于: 最高人民法院、最高人民检察院关于… → 最高人民法院、最高人民检察院. */
export function organFromTitle(title: string): string | null {
  const match = /^(.{2,60}?)关于/u.exec(title.trim());
  if (!match) return null;
  const parts = match[1]!.split('、');
  return parts.every(isOrganName) ? parts.join('、') : null;
}

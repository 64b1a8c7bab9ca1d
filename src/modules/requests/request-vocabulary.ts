// The words the staff pages need, from the same tables the service uses: answer outcomes (table-3 rows with their
// group and default legal basis), channels with the Art. 31 receipt rule, states, applicant kinds and event names.
// Served so the admin never keeps its own copy of legal texts that could drift from the server's.
import { applicantKindNames, caseStateNames, channelNames, remedyKinds, remedyResults, type CaseEventType } from './domain/model.ts';
import { answerableOutcomes, outcomeInfo } from './domain/outcomes.ts';
import { caseEventNames } from './domain/case-lifecycle.ts';
import { receiptRules } from './domain/intake.ts';

const remedyKindNames = { reconsideration: '行政复议', litigation_direct: '直接起诉', litigation_after_reconsideration: '复议后起诉' } as const;
const remedyResultNames = { upheld: '维持', corrected: '纠正', other: '其他', pending: '尚未审结' } as const;

export type RequestVocabulary = ReturnType<typeof requestVocabulary>;

export function requestVocabulary() {
  const pairs = <K extends string>(names: Record<K, string>) => (Object.keys(names) as K[]).map((value) => ({ value, name: names[value] }));
  return {
    outcomes: answerableOutcomes.map((value) => ({ value, ...outcomeInfo[value] })),
    channels: pairs(channelNames).map((c) => ({ ...c, rule: receiptRules[c.value] })),
    states: pairs(caseStateNames),
    applicantKinds: pairs(applicantKindNames),
    events: pairs(caseEventNames as Record<CaseEventType, string>),
    remedyKinds: remedyKinds.map((value) => ({ value, name: remedyKindNames[value] })),
    remedyResults: remedyResults.map((value) => ({ value, name: remedyResultNames[value] })),
  };
}

// The meetings module's public surface (重大会议).
export { MeetingService, MEETING_CHANGED, type MeetingInput, type PublicMeeting, type StaffMeeting } from './meetings.service.ts';
export { meetingRoutes } from './meetings.routes.ts';
export { meetingKindNames, participantKinds, participantKindNames, publicItems, type Participation, type DecidedItem } from './domain/meeting.ts';

/** Tables holding a copy of an organisation path (rewritten when an organisation moves). */
export const meetingOrgPathTables = ['mtg_meeting'] as const;

// The portal's 依申请公开 URLs. Only the guide and the form are public pages; tracking answers POSTs only, so a
// tracking code never lands in a URL, a log line or the browser history.
export const REQUESTS_HREF = '/requests';
export const REQUEST_APPLY_HREF = '/requests/apply';
export const REQUEST_TRACK_HREF = '/requests/track';
export const REQUEST_CORRECT_HREF = '/requests/track/correction';
export const REQUEST_WITHDRAW_HREF = '/requests/track/withdraw';
export const REQUEST_LETTER_HREF = '/requests/track/letter';
export const REQUEST_RELEASED_HREF = '/requests/track/released';

export const applyHref = (orgId?: string) => (orgId ? `${REQUEST_APPLY_HREF}?org=${encodeURIComponent(orgId)}` : REQUEST_APPLY_HREF);

// 有效性 as a tag; words carry the meaning, the colour only repeats it.
const tone: Record<string, string> = { in_force: 'ok', amended: 'ok', not_yet_in_force: 'info', suspended: 'warn', expired: 'ended', repealed: 'ended' };

export function ValidityTag({ status, name }: { status: string; name: string }) {
  return (
    <span className={`validity validity-${tone[status] ?? 'info'}`} data-status={status}>
      {name}
    </span>
  );
}

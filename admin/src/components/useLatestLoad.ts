// Loading a list whose query changes while earlier requests are still in flight.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';

/**
 * Runs `fetch` now and whenever it changes (memoise it on the query). A response that arrives after a newer request
 * started is dropped: without this, a slow unfiltered reload (after an import, say) can overwrite a newer search.
 */
export function useLatestLoad<T>(
  fetch: () => Promise<T>,
  report: (err: unknown) => void,
): { data: T | null; setData: Dispatch<SetStateAction<T | null>>; loading: boolean; load: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const load = useCallback(() => {
    const mine = ++latest.current;
    const current = () => mine === latest.current;
    setLoading(true);
    fetch()
      .then(
        (value) => current() && setData(value),
        (err: unknown) => current() && report(err),
      )
      .finally(() => current() && setLoading(false));
  }, [fetch, report]);
  useEffect(load, [load]);
  return { data, setData, loading, load };
}

import { useCallback, useEffect, useState } from 'react';
import type { RouteName, RouteOutput } from '../../src-shared/contract';
import { api, ApiError } from '../api';

/**
 * Loads a route that takes no input; `reload()` fetches it again, and so does a change of `freshness` (a version
 * other screens bump when they change what the route reads). Results of a stale request are dropped.
 */
export function useRouteData<R extends RouteName>(route: R, freshness = 0) {
  const [data, setData] = useState<RouteOutput<R> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    (api as (r: R) => Promise<RouteOutput<R>>)(route).then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(null);
      },
      (err: unknown) => {
        if (current) setError(err instanceof ApiError ? err.message : 'Chargement impossible.');
      },
    );
    return () => {
      current = false;
    };
  }, [route, version, freshness]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}

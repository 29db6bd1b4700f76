import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RouteInput, RouteName, RouteOutput } from '../../src-shared/contract';
import { JOB_CANCELLED_MESSAGE, type JobProgress } from '../../src-shared/jobs';
import { ApiError, followedApi } from '../api';

/**
 * A long call a screen follows (issue 18 §4): its last progress, « Annuler » while one runs, and `run`, which gives
 * the result, or null when the user cancelled (said in a grey notification: news, not an error). Other failures
 * are thrown as ApiError, as `api` does.
 */
export function useFollowedCall() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [cancel, setCancel] = useState<(() => void) | null>(null);
  const run = async <R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteOutput<R> | null> => {
    setProgress(null);
    const call = followedApi(route, input, setProgress);
    setCancel(() => () => void call.cancel());
    try {
      return await call.result;
    } catch (err) {
      if (err instanceof ApiError && err.message === JOB_CANCELLED_MESSAGE) {
        notifications.show({ color: 'gray', message: err.message });
        return null;
      }
      throw err;
    } finally {
      setCancel(null);
    }
  };
  return { progress, cancel: cancel ?? undefined, run };
}

/**
 * What-if forecasts as the user types: a change is asked for at once; while a request is on its way, only
 * the newest change waits to be asked next (the ones typed in between are never sent), and a slower
 * earlier reply never overwrites a newer one.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BillingConfig } from '@core/billing';
import type { ForecastSummary } from '@core/forecast/summary';
import { useApi } from '../api/api-context';
import { createOneAtATime } from '../api/one-at-a-time';
import { errorText } from './use-orgs';

export interface WhatIfChange {
  balanceMicros?: number;
  billing?: BillingConfig;
}

export interface WhatIfState {
  forecast: ForecastSummary | null;
  forecastNote: string | null;
  isPending: boolean;
  error: string | null;
  /** The `key` of the change the forecast was computed for (a reply pairs with its own change only). */
  forKey: string | null;
}

const IDLE: WhatIfState = { forecast: null, forecastNote: null, isPending: false, error: null, forKey: null };

/**
 * Runs `money:whatIf` for `change` (null = no what-if active); `key` identifies the change's content.
 * `onForecast` is told each forecast for the change in force as its reply arrives, in the same update as the
 * returned state, so a page following the what-if redraws once, in the same frame.
 */
export function useWhatIf(
  orgId: string,
  change: WhatIfChange | null,
  key: string,
  onForecast?: (forecast: ForecastSummary, change: WhatIfChange) => void,
): WhatIfState {
  const api = useApi();
  const [state, setState] = useState<WhatIfState>(IDLE);
  const sequence = useRef(0);
  const changeRef = useRef(change);
  const onForecastRef = useRef(onForecast);
  // One request at a time: the change typed meanwhile waits (a newer one replaces it).
  const [line] = useState(createOneAtATime);
  // Before the effect below reads it (layout effects run first), never while rendering.
  useLayoutEffect(() => {
    changeRef.current = change;
    onForecastRef.current = onForecast;
  });

  useEffect(() => {
    const ticket = ++sequence.current;
    const current = changeRef.current;
    if (current === null) {
      line.clear();
      setState(IDLE);
      return;
    }
    setState((s) => ({ ...s, isPending: true }));
    line.run(() =>
      api.invoke('money:whatIf', { orgId, ...current }).then(
        (result) => {
          if (ticket !== sequence.current) return; // stale: the user kept typing
          setState({ ...result, isPending: false, error: null, forKey: key });
          if (result.forecast) onForecastRef.current?.(result.forecast, current);
        },
        (err: unknown) => {
          if (ticket !== sequence.current) return;
          setState({
            forecast: null,
            forecastNote: null,
            isPending: false,
            error: errorText(err),
            forKey: key,
          });
        },
      ),
    );
  }, [api, line, orgId, key]);

  // Leaving the page: a change still waiting is not asked for, and a reply on its way is not shown.
  useEffect(
    () => () => {
      line.clear();
      sequence.current++;
    },
    [line],
  );

  return state;
}

/**
 * What-if forecasts as the user types: debounced, and a slower earlier reply never overwrites a newer one.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BillingConfig } from '@core/billing';
import type { ForecastSummary } from '@core/forecast/summary';
import { useApi } from '../api/api-context';
import { errorText } from './use-orgs';

/** Wait this long after the last keystroke before asking (the server answers in tens of ms). */
export const WHAT_IF_DEBOUNCE_MS = 50;

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

/** Runs `money:whatIf` for `change` (null = no what-if active); `key` identifies the change's content. */
export function useWhatIf(orgId: string, change: WhatIfChange | null, key: string): WhatIfState {
  const api = useApi();
  const [state, setState] = useState<WhatIfState>(IDLE);
  const sequence = useRef(0);
  const changeRef = useRef(change);
  // Before the effect below reads it (layout effects run first), never while rendering.
  useLayoutEffect(() => {
    changeRef.current = change;
  });

  useEffect(() => {
    const ticket = ++sequence.current;
    const current = changeRef.current;
    if (current === null) {
      setState(IDLE);
      return;
    }
    setState((s) => ({ ...s, isPending: true }));
    const timer = setTimeout(() => {
      api.invoke('money:whatIf', { orgId, ...current }).then(
        (result) => {
          if (ticket !== sequence.current) return; // stale: the user kept typing
          setState({ ...result, isPending: false, error: null, forKey: key });
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
      );
    }, WHAT_IF_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, orgId, key]);

  return state;
}

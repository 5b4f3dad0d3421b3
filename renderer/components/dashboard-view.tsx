/**
 * The dashboard of one organization, from plain values (so it renders the same in tests and in the app).
 */
import { spendSourceWords } from '../view-models/figure-source';
import { useState } from 'react';
import type { SpendCharts, SpendDimension } from '@core/charts/spend-by';
import { perKeyNote } from '../view-models/spend-by';
import type { Dashboard } from '@core/dashboard';
import { buildSpendSummary } from '../view-models/spend-summary';
import { describeSync } from '../view-models/sync-view';
import type { DisplayZone } from '../view-models/format';
import { FigureCard } from './figure-card';
import { SpendChart } from './spend-chart';
import { SyncPanel } from './sync-panel';

export interface DashboardViewProps {
  dashboard: Dashboard;
  /** The spend charts, computed in core with the account's answer; null until it arrives. */
  spend: SpendCharts | null;
  nowMs: number;
  zone: DisplayZone;
  isDark: boolean;
  isSyncing: boolean;
  syncRequestError: string | null;
  onSyncNow: () => void;
}

/** Headline figures, the sync card and the daily chart. */
export function DashboardView(props: DashboardViewProps) {
  const { dashboard, nowMs, zone } = props;
  const summary = buildSpendSummary(dashboard, nowMs, zone);
  const sync = describeSync(dashboard.sync, nowMs, zone);
  const spendSource = spendSourceWords(dashboard.spendSource, nowMs, zone);
  const [dimension, setDimension] = useState<SpendDimension>('project');
  const spend = props.spend;
  const shown =
    spend === null ? null : spend.kind === 'balance' ? { chart: spend.chart, top: [] } : spend.by[dimension];
  const asOf = summary.asOf ? (
    <p className="as-of">
      as of{' '}
      <time data-testid="as-of" dateTime={summary.asOfIso ?? undefined}>
        {summary.asOf}
      </time>{' '}
      <span className="muted">({summary.asOfRelative})</span>
    </p>
  ) : (
    <p className="as-of muted">Not synced yet</p>
  );

  return (
    <div className="dashboard" data-testid="dashboard">
      <div className="figures">
        <FigureCard
          label={`Spend this month · ${summary.monthLabel}`}
          value={summary.mtdTotal}
          valueTestId="mtd-total"
        >
          <dl className="parts">
            <div>
              <dt>Up to yesterday</dt>
              <dd data-testid="mtd-settled">{summary.mtdSettled}</dd>
            </div>
            <div>
              <dt>Today so far</dt>
              <dd data-testid="mtd-provisional">{summary.mtdProvisional}</dd>
            </div>
          </dl>
          {spendSource && (
            <p className="muted" data-testid="spend-source">
              Spend is {spendSource}.
            </p>
          )}
          {asOf}
        </FigureCard>
        <FigureCard label="Today so far (estimate)" value={summary.today} valueTestId="today-cost">
          <p className="muted">
            {summary.hasData
              ? (summary.todayRequests ??
                (spendSource
                  ? 'Read from how the balance fell today, up to the last reading.'
                  : 'Today’s cost bucket is partial and lags usage.'))
              : 'Figures appear after the first successful sync.'}
          </p>
          {summary.asOf && (
            <p className="as-of">
              as of{' '}
              <time data-testid="today-as-of" dateTime={summary.asOfIso ?? undefined}>
                {summary.asOf}
              </time>
            </p>
          )}
        </FigureCard>
        <SyncPanel
          view={sync}
          isSyncing={props.isSyncing}
          requestError={props.syncRequestError}
          onSyncNow={props.onSyncNow}
        />
      </div>
      {shown && (
        <SpendChart
          chart={shown.chart}
          isDark={props.isDark}
          hasData={summary.hasData}
          currency={dashboard.currency}
          // Spend read from a balance has no projects, models or keys to split it by.
          by={
            spendSource
              ? undefined
              : {
                  dimension,
                  onChange: setDimension,
                  top: shown.top,
                  note: perKeyNote(dashboard.daily, dashboard.perKeyFromMs, dimension),
                }
          }
        />
      )}
    </div>
  );
}

/**
 * Settings: how often to sync (a choice, never a schedule expression), how much history a new account
 * fetches, the display time zone, conversion rates and the accounts.
 */
import { useId, useState, type FormEvent } from 'react';
import type { OrgSummary, Settings } from '@core/schemas';
import type { RequestArgs } from '@core/api-contract';
import { FormProblem, useFormSubmit } from '../hooks/use-form-submit';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';
import { ConversionRates } from './conversion-rates';
import { OrgList } from './org-list';
import { TimeZoneSelect } from './time-zone-select';
import { frequencyChoices } from '../view-models/sync-frequency';

export interface SettingsPanelProps {
  settings: Settings;
  onSave: (patch: RequestArgs<'settings:update'>) => Promise<Settings>;
  onClose: () => void;
  orgs: OrgSummary[];
  onRemoveOrg: (orgId: string) => Promise<void>;
}

/** The settings form. */
export function SettingsPanel({ settings, onSave, onClose, orgs, onRemoveOrg }: SettingsPanelProps) {
  const id = useId();
  const [syncCron, setSyncCron] = useState(settings.syncCron);
  const [backfillDays, setBackfillDays] = useState(String(settings.backfillDays));
  const [timeZone, setTimeZone] = useState(settings.timeZone ?? '');
  // New saved settings reset the fields, adjusted while rendering so no frame shows the old values.
  const [shownSettings, setShownSettings] = useState(settings);
  if (settings !== shownSettings) {
    setShownSettings(settings);
    setSyncCron(settings.syncCron);
    setBackfillDays(String(settings.backfillDays));
    setTimeZone(settings.timeZone ?? '');
  }

  // A schedule problem is shown at the schedule field, where the user looks; others under the form.
  const save = useFormSubmit(async (typed: { syncCron: string; backfillDays: string; timeZone: string }) => {
    if (!typed.syncCron.trim()) throw new FormProblem(EMPTY_SCHEDULE, 'syncCron');
    const days = Number(typed.backfillDays);
    if (!Number.isInteger(days) || days < 1 || days > 365)
      throw new FormProblem('Days of history must be a whole number from 1 to 365.');
    await onSave({
      syncCron: typed.syncCron,
      backfillDays: days,
      timeZone: typed.timeZone === '' ? null : typed.timeZone,
    });
    return 'Saved.';
  }, placeSettingsProblem);
  const cronError = save.errorField === 'syncCron' ? save.error : null;
  const error = save.errorField === null ? save.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.submit({ syncCron, backfillDays, timeZone });
  }

  return (
    <section className="card settings-card" aria-labelledby={`${id}-title`} data-testid="settings-panel">
      <div className="card-head">
        <h2 id={`${id}-title`}>Settings</h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <form className="stack" onSubmit={submit} noValidate {...save.formProps}>
        <div className="field">
          <label htmlFor={`${id}-cron`}>Check for new spend</label>
          <select
            id={`${id}-cron`}
            name="syncCron"
            value={syncCron}
            onChange={(e) => setSyncCron(e.currentTarget.value)}
            aria-invalid={cronError !== null}
            aria-describedby={cronError ? `${id}-cron-error` : undefined}
          >
            {frequencyChoices(settings.syncCron).map((c) => (
              <option key={c.cron} value={c.cron}>
                {c.label}
              </option>
            ))}
          </select>
          {cronError && (
            <p id={`${id}-cron-error`} className="form-error" role="alert" data-testid="cron-error">
              {cronError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>Days of history to fetch for a new account</label>
          <input
            id={`${id}-days`}
            name="backfillDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            value={backfillDays}
            onChange={(e) => setBackfillDays(e.currentTarget.value)}
            aria-describedby={`${id}-days-help`}
          />
          <p id={`${id}-days-help`} className="help">
            From 1 to 365 days.
          </p>
        </div>
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} />
        <FormMessage save={{ error, notice: save.notice }} errorTestId="settings-error" />
        <SubmitButton label="Save settings" isPending={save.isPending} />
      </form>
      <ConversionRates
        rates={settings.conversionRates}
        onSave={onSave}
        zone={{ timeZone: settings.timeZone ?? undefined }}
      />
      <section className="settings-section" aria-labelledby={`${id}-orgs`}>
        <h3 id={`${id}-orgs`}>Accounts</h3>
        <OrgList orgs={orgs} onRemove={onRemoveOrg} />
      </section>
    </section>
  );
}

const EMPTY_SCHEDULE = 'Choose how often to check for new spend.';

/** A server message about the schedule belongs at the schedule field; any other under the form. */
function placeSettingsProblem(text: string): { field: 'syncCron' | null; text: string } {
  return { field: /schedule|cron|once a minute|needs 5 or 6 fields/i.test(text) ? 'syncCron' : null, text };
}

/**
 * Back up what only this machine knows (settings, organizations, ledgers, billing rules, alert settings —
 * never keys) and restore a backup by merging it: the page first shows what the file would add (and the
 * webhook its alert settings would send to), and writes only once the user confirms; nothing here is
 * overwritten; differences are listed.
 */
import { useId, useState, type ChangeEvent } from 'react';
import type { FileDelivery, RestoreResult } from '@core/api-contract';
import { restorePreviewWords } from '@core/backup/restore-preview-words';
import { useApi } from '../../api/api-context';
import { useServerRefetchAll } from '../../api/server-state';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { plural } from '../../view-models/money-format';
import { DownloadLink } from './download-link';

/**
 * The backup and restore actions (`canSave: false`: restore only, e.g. on a first run with nothing to save).
 * `onRestored` hands a finished restore's report on, for a page that is about to give way to another (the
 * first-run page, once the restore has added accounts).
 */
export function BackupRestore({
  canSave = true,
  onRestored,
}: { canSave?: boolean; onRestored?: (report: RestoreResult) => void } = {}) {
  const api = useApi();
  const refetchAll = useServerRefetchAll();
  const id = useId();
  const [saved, setSaved] = useState<FileDelivery | null>(null);
  const [report, setReport] = useState<RestoreResult | null>(null);
  // A file read and checked, waiting for the user's go-ahead.
  const [pending, setPending] = useState<{ text: string; preview: RestoreResult } | null>(null);
  const [acceptEdited, setAcceptEdited] = useState(false);
  // Saving, reading a file and restoring share one busy state and one message line: one runs at a time.
  const action = useFormSubmit((task: () => Promise<void>) => task());
  const run = (task: () => Promise<void>) => action.submit(task);
  const isBusy = action.isPending;
  const error = action.error;
  const backup = () =>
    run(async () => {
      setReport(null);
      setPending(null);
      setSaved(await api.invoke('backup:save', {}));
    });
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    run(async () => {
      setSaved(null);
      setReport(null);
      setPending(null);
      const text = await file.text();
      const preview = await api.invoke('backup:restore', { text, acceptEdited, preview: true });
      // Nothing to add: say so at once; otherwise ask first.
      if (preview.changed) setPending({ text, preview });
      else setReport(preview);
    });
  };
  const confirm = () =>
    run(async () => {
      if (!pending) return;
      const result = await api.invoke('backup:restore', { text: pending.text, acceptEdited });
      setPending(null);
      setReport(result);
      // A restore may bring settings, alert settings, billing rules and ledgers: every figure is asked again.
      if (result.changed) refetchAll();
      onRestored?.(result);
    });

  return (
    <div className="stack" aria-labelledby={`${id}-title`} role="group" data-testid="backup-restore">
      <h3 id={`${id}-title`}>{canSave ? 'Backup and restore' : 'Restore a backup'}</h3>
      <p className="help">
        A backup holds your settings, accounts, ledgers, billing rules and alert settings. It never holds keys
        (add them again after restoring), nor cost history (it is fetched again from each provider).
      </p>
      {canSave && (
        <div>
          <button type="button" className="button" onClick={backup} disabled={isBusy}>
            Save a backup
          </button>
        </div>
      )}
      {saved?.delivery === 'download' && <DownloadLink href={saved.href} fileName={saved.fileName} />}
      {saved?.delivery === 'saved' && <p role="status">Backup saved to {saved.path}.</p>}
      <div className="field">
        <label htmlFor={`${id}-file`}>Restore from a backup file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          onChange={choose}
          disabled={isBusy}
        />
        <label>
          <input
            type="checkbox"
            checked={acceptEdited}
            onChange={(e) => setAcceptEdited(e.currentTarget.checked)}
          />{' '}
          Restore an edited file (its checksum no longer matches)
        </label>
      </div>
      {error && (
        <p className="banner" role="alert" data-testid="restore-error">
          {error}
        </p>
      )}
      {pending && (
        <RestorePreview
          preview={pending.preview}
          isBusy={isBusy}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        />
      )}
      {report && <RestoreSummary report={report} />}
    </div>
  );
}

function RestorePreview(props: {
  preview: RestoreResult;
  isBusy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const words = restorePreviewWords(props.preview);
  return (
    <div className="stack" role="group" aria-label="Restore this backup?" data-testid="restore-preview">
      <p>{words.summary} Nothing has been changed yet.</p>
      {words.webhookWarning && (
        <p className="banner" data-testid="restore-webhook-warning">
          {words.webhookWarning}
        </p>
      )}
      {words.leftOut && <p>{words.leftOut}</p>}
      <Differences
        conflicts={props.preview.conflicts}
        heading="Differences (this machine's values will be kept):"
      />
      <div className="actions">
        <button type="button" className="button primary" onClick={props.onConfirm} disabled={props.isBusy}>
          Restore
        </button>
        <button type="button" className="button" onClick={props.onCancel} disabled={props.isBusy}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** What a finished restore did, in words. */
export function RestoreSummary({ report }: { report: RestoreResult }) {
  return (
    <div role="status" data-testid="restore-report">
      {report.changed ? (
        <p>
          Restored: {plural(report.orgsAdded.length, 'account')} added, {report.entriesAdded} ledger{' '}
          {report.entriesAdded === 1 ? 'entry' : 'entries'},{' '}
          {plural(report.billingRulesTaken, 'billing rule')} taken. The state before the restore was saved to{' '}
          {report.safetyBackupPath}.
        </p>
      ) : (
        <p>Nothing to restore: everything in the backup is already here. Nothing was changed.</p>
      )}
      <Differences conflicts={report.conflicts} heading="Differences (this machine's values were kept):" />
    </div>
  );
}

/** The backup's values that differ from this machine's, under `heading`; nothing when there are none. */
function Differences({ conflicts, heading }: { conflicts: RestoreResult['conflicts']; heading: string }) {
  if (conflicts.length === 0) return null;
  return (
    <>
      <p>{heading}</p>
      <ul>
        {conflicts.map((c, i) => (
          <li key={i}>
            {c.orgName ? `${c.orgName}: ` : ''}
            {c.message}
          </li>
        ))}
      </ul>
    </>
  );
}

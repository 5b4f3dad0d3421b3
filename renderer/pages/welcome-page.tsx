/**
 * First run: add an organization with its Admin key, bring your accounts from another machine with a
 * backup, or try the built-in demo.
 */
import type { RestoreResult } from '@core/api-contract';
import type { OrgSummary } from '@core/schemas';
import { useApi } from '../api/api-context';
import { useFormSubmit } from '../hooks/use-form-submit';
import { FormMessage } from '../components/form-message';
import { AddOrgForm } from '../components/add-org-form';
import { BackupRestore } from '../components/files/backup-restore';

/**
 * The welcome page; `onReady` is called with the org that was added or started, `onRestored` with the report
 * of a restore (the page gives way to the accounts it added, so the report is shown there).
 */
export function WelcomePage({
  onReady,
  onRestored,
}: {
  onReady: (org: OrgSummary) => void;
  onRestored?: (report: RestoreResult) => void;
}) {
  const api = useApi();
  const demo = useFormSubmit(async () => onReady(await api.invoke('orgs:startDemo', {})));

  return (
    <div className="welcome" data-testid="welcome">
      <header className="welcome-head">
        <h1>Welcome to Creditwatch</h1>
        <p className="lead">
          See how much prepaid credit is left, when auto-reload will charge your card, what your card is
          charged before month end, and where the spend goes — for every organization side by side.
        </p>
      </header>
      <div className="welcome-grid">
        <section className="card" aria-labelledby="add-org-title">
          <h2 id="add-org-title">Add an organization</h2>
          <AddOrgForm onAdded={onReady} />
        </section>
        <section className="card" aria-labelledby="demo-title">
          <h2 id="demo-title">Explore the demo</h2>
          <p>
            No key needed: built-in simulators play five accounts on four providers — a company on prepaid
            credit with auto-reload, a credit about to expire, and an account that just started spending. The
            demo keeps its accounts apart from yours.
          </p>
          <FormMessage save={demo} />
          <button
            type="button"
            className="button"
            onClick={() => demo.submit(null)}
            disabled={demo.isPending}
          >
            {demo.isPending ? 'Starting the demo…' : 'Try the demo'}
          </button>
        </section>
        <section className="card" aria-labelledby="restore-title">
          <h2 id="restore-title">Coming from another computer?</h2>
          <p>Restore a Creditwatch backup: you will see what it adds before anything is written.</p>
          <BackupRestore canSave={false} onRestored={onRestored} />
        </section>
      </div>
    </div>
  );
}

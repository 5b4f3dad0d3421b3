/** The "Export & backup" panel: export a table, save a backup, restore one. */
import type { OrgSummary } from '@core/schemas';
import { useNow } from '../../hooks/use-now';
import { BackupRestore } from './backup-restore';
import { ExportForm } from './export-form';

export interface FilesPanelProps {
  orgs: OrgSummary[];
  selectedOrgId: string | null;
  onClose: () => void;
}

/** The panel. */
export function FilesPanel({ orgs, selectedOrgId, onClose }: FilesPanelProps) {
  const nowMs = useNow();
  return (
    <section className="card" aria-labelledby="files-title" data-testid="files-panel">
      <div className="card-head">
        <h2 id="files-title">Export &amp; backup</h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ExportForm orgs={orgs} selectedOrgId={selectedOrgId} nowMs={nowMs} />
      <BackupRestore />
    </section>
  );
}

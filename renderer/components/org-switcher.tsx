/**
 * Switches between monitored organizations (shown only when there is more than one).
 */
import type { OrgSummary } from '@core/schemas';

export interface OrgSwitcherProps {
  orgs: OrgSummary[];
  selectedOrgId: string | null;
  onSelect: (orgId: string) => void;
}

/** A labelled select of org names; demo orgs are marked. */
export function OrgSwitcher({ orgs, selectedOrgId, onSelect }: OrgSwitcherProps) {
  if (orgs.length < 2) {
    const only = orgs[0];
    return only ? (
      <span className="org-name" data-testid="org-name">
        {orgLabel(only)}
      </span>
    ) : null;
  }
  return (
    <label className="org-switcher">
      <span className="visually-hidden">Organization</span>
      <select
        data-testid="org-switcher"
        value={selectedOrgId ?? ''}
        onChange={(event) => onSelect(event.currentTarget.value)}
      >
        {orgs.map((org) => (
          <option key={org.id} value={org.id}>
            {orgLabel(org)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "Acme" or "Demo org (demo)". */
export function orgLabel(org: OrgSummary): string {
  return org.kind === 'demo' ? `${org.name} (demo)` : org.name;
}

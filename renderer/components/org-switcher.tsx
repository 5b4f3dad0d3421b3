/**
 * Goes to the overview of all accounts or to one account's page.
 */
import type { OrgSummary } from '@core/schemas';

export interface OrgSwitcherProps {
  orgs: OrgSummary[];
  /** The account on screen; null on the overview. */
  selectedOrgId: string | null;
  /** The chosen account's id, or '' for the overview. */
  onSelect: (orgId: string) => void;
}

/** A labelled select: "All accounts", then the org names; demo orgs are marked. */
export function OrgSwitcher({ orgs, selectedOrgId, onSelect }: OrgSwitcherProps) {
  return (
    <label className="org-switcher">
      <span className="visually-hidden">Page</span>
      <select
        data-testid="org-switcher"
        value={selectedOrgId ?? ''}
        onChange={(event) => onSelect(event.currentTarget.value)}
      >
        <option value="">All accounts</option>
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

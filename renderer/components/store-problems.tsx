/**
 * Tells the user, once per problem, that a stored file could not be read and where the original was
 * kept — nothing they typed is dropped silently.
 */
import type { StoreProblemView } from '@core/api-contract';

/** A warning banner listing the set-aside files; renders nothing when there are none. */
export function StoreProblems({ problems }: { problems: StoreProblemView[] }) {
  if (problems.length === 0) return null;
  return (
    <section className="banner" role="alert" data-testid="store-problems">
      <strong>Some saved data could not be read.</strong>
      <ul>
        {problems.map((p) => (
          <li key={`${p.file}-${p.atMs}`}>{p.message}</li>
        ))}
      </ul>
    </section>
  );
}

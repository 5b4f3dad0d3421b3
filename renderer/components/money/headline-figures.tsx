/**
 * The organization page's headline: four figures, not sentences, each with its likely range and what it is.
 */
import type { OrgHeadline } from '../../view-models/org-headline';

/** The headline figures row. */
export function HeadlineFigures({ headline }: { headline: OrgHeadline }) {
  return (
    <section className="headline" aria-label="Headline figures" data-testid="headline-figures">
      <dl className="headline-grid">
        {headline.figures.map((f) => (
          <div className="card headline-figure" key={f.key} data-testid={`hl-${f.key}`}>
            <dt className="figure-label">{f.label}</dt>
            <dd>
              <span className="headline-value" data-testid={`hl-${f.key}-value`}>
                {f.value}
              </span>
              {f.likely && (
                <span className="headline-likely" data-testid={`hl-${f.key}-likely`}>
                  {f.likely}
                </span>
              )}
              {f.note && <span className="headline-note">{f.note}</span>}
              <span className="muted headline-nature">{f.nature}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="as-of">
        as of <time dateTime={headline.asOfIso}>{headline.asOf}</time>
      </p>
    </section>
  );
}

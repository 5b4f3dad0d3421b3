/**
 * Plain text with its https links made clickable (server messages name the page to fix a key on).
 */
import { Fragment } from 'react';

const URL_PATTERN = /(https:\/\/[^\s<>"']+[^\s<>"'.,;:)])/g;

/** Renders `text`, turning each https URL into a link that opens outside the app. */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, i) =>
        // split() with a capture group puts the URLs at the odd indexes
        i % 2 === 1 ? (
          <a key={i} href={part} target="_blank" rel="noreferrer noopener">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

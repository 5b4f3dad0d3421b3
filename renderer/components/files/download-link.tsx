/**
 * A link to a file the host prepared; it starts the download once when it appears and stays as a
 * fallback. (A same-origin link: the page's access cookie goes with it.)
 */
import { useEffect, useRef } from 'react';

/** Renders the link and follows it once. */
export function DownloadLink({ href, fileName }: { href: string; fileName: string }) {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    ref.current?.click();
  }, [href]);
  return (
    <p className="help" role="status">
      Downloading{' '}
      <a ref={ref} href={href} download={fileName}>
        {fileName}
      </a>
      . If it did not start, use the link.
    </p>
  );
}

/**
 * Whether the system prefers a dark colour scheme: the charts read their colours from the stylesheet again when
 * it changes (a canvas does not follow CSS by itself).
 */
import { useEffect, useState } from 'react';

const QUERY = '(prefers-color-scheme: dark)';

/** True while the user's system is in dark mode; follows changes live. */
export function usePrefersDark(): boolean {
  const [isDark, setIsDark] = useState(() => typeof matchMedia === 'function' && matchMedia(QUERY).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const media = matchMedia(QUERY);
    const onChange = () => setIsDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return isDark;
}

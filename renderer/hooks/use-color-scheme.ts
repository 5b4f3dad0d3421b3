/**
 * Whether the system prefers a dark colour scheme (the chart's canvas cannot read CSS variables itself).
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

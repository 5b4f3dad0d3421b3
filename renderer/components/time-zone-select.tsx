/**
 * Picks the IANA time zone used to show times ("as of", sync times); empty = the system's zone.
 */
import { useId, useMemo } from 'react';
import { systemTimeZone } from '@core/time-zone';

export interface TimeZoneSelectProps {
  value: string;
  onChange: (zone: string) => void;
}

/** A labelled select of every zone the runtime knows, led by "System". */
export function TimeZoneSelect({ value, onChange }: TimeZoneSelectProps) {
  const id = useId();
  const systemZone = useMemo(() => systemTimeZone(), []);
  const zones = useMemo(() => {
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    // Keep a stored zone selectable even if this runtime does not list it (e.g. 'UTC' on some builds).
    return value && !known.includes(value) ? [value, ...known] : known;
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={`${id}-tz`}>Time zone for display</label>
      <select id={`${id}-tz`} name="timeZone" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">System ({systemZone})</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
      <p className="help">Cost buckets stay UTC days; only the times shown change.</p>
    </div>
  );
}

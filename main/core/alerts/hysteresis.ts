/**
 * The threshold a figure must pass to end an alert's episode, so an alert does not flap on a figure that
 * hovers at its threshold.
 *
 * Example: low credit at $10 with 10 % hysteresis → an active alert clears only above $11.
 */

/** `threshold × (1 ± percent/100)`: up for a figure that must rise to clear, down for one that must fall. */
export function withHysteresis(threshold: number, percent: number, direction: 'up' | 'down'): number {
  const f = percent / 100;
  return direction === 'up' ? threshold * (1 + f) : threshold * (1 - f);
}

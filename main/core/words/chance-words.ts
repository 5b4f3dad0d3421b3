/**
 * Chances and percentages in words: one scale for every surface.
 *
 * Example: `chanceWords(0.56)` → "about even odds"; `percentWords(0.56)` → "56%".
 */

/** A share as a whole percentage without a space: 0.564 → "56%", 1 → "100%", 0.004 → "under 1%". */
export function percentWords(share: number): string {
  if (share > 0 && share < 0.005) return 'under 1%';
  if (share < 1 && share > 0.995) return 'over 99%';
  return `${Math.round(share * 100)}%`;
}

/** From this chance on, a chance is "almost certain" and need not be said. */
export const NEAR_CERTAIN = 0.97;

/**
 * A chance in plain words. Bands: under 5 % "very unlikely", under 40 % "unlikely", under 60 % "about even
 * odds", under 90 % "likely", under 97 % "very likely", else "almost certain".
 */
export function chanceWords(p: number): string {
  if (p < 0.05) return 'very unlikely';
  if (p < 0.4) return 'unlikely';
  if (p < 0.6) return 'about even odds';
  if (p < 0.9) return 'likely';
  if (p < NEAR_CERTAIN) return 'very likely';
  return 'almost certain';
}

/**
 * The same chance as a noun, for "… of one $400 reload": the bands of `chanceWords`, said so the sentence
 * reads ("likely of a reload" does not).
 *
 * Example: `${chanceOfWords(0.56)} of one $400 reload` → "about even odds of one $400 reload";
 * 0.86 → "a good chance of …"; 0.99 → "near certainty of …".
 */
export function chanceOfWords(p: number): string {
  if (p < 0.05) return 'a very small chance';
  if (p < 0.4) return 'a small chance';
  if (p < 0.6) return 'about even odds';
  if (p < 0.9) return 'a good chance';
  if (p < NEAR_CERTAIN) return 'a very good chance';
  return 'near certainty';
}

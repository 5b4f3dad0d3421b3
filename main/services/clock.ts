/** The real clock, the default for both hosts (tests and `serve --now` inject another). */
import type { Clock } from '@core/time';

export const SYSTEM_CLOCK: Clock = { nowMs: () => Date.now() };

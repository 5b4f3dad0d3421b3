/**
 * The one wording module: money, ranges, dates, relative times, chances and durations, written the same
 * way by the alerts, the tray, the command line and the page.
 */
export { rangeWords, roundRange } from './money-words';
export { dateWords, dateTimeWords } from './date-words';
export { agoWords, durationWords, untilWords } from './time-words';
export { chanceWords, percentWords } from './chance-words';

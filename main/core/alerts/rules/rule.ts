/** The shape every alert rule has. */
import type { OrgAlertFacts } from '../alert-facts';
import type { AlertRules } from '../alert-settings';
import type { AlertCondition } from '../alert-types';

/**
 * A rule: the facts of one org, its settings, and whether an episode is running (the rule then uses its
 * looser "clear" threshold, so a figure wobbling around the threshold does not flap) → the condition, or
 * null when it does not hold. Pure.
 */
export type AlertRule = (facts: OrgAlertFacts, rules: AlertRules, isActive: boolean) => AlertCondition | null;

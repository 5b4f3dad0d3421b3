/** Every rule, by kind. */
import type { AlertKind } from '../alert-types';
import { cardChargeRule } from './card-charge';
import { creditExpiringRule } from './credit-expiring';
import { lowCreditRule } from './low-credit';
import { lowRunwayRule } from './low-runway';
import { reloadSoonRule } from './reload-soon';
import type { AlertRule } from './rule';
import { silentOrgRule } from './silent-org';
import { spendLimitRule } from './spend-limit';
import { spendSpikeRule } from './spend-spike';
import { syncFailingRule } from './sync-failing';

export const ALERT_RULES: Record<AlertKind, AlertRule> = {
  'low-credit': lowCreditRule,
  'low-runway': lowRunwayRule,
  'reload-soon': reloadSoonRule,
  'card-charge': cardChargeRule,
  'credit-expiring': creditExpiringRule,
  'spend-spike': spendSpikeRule,
  'silent-org-spending': silentOrgRule,
  'sync-failing': syncFailingRule,
  'spend-limit': spendLimitRule,
};

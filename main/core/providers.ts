/**
 * The API providers an organization (an "account") can belong to: what each one's key looks like, where
 * to create it, and what its API can tell us. Pure facts; the adapters in `services/providers` use them.
 */
import { z } from 'zod';
import { PROVIDER_IDS } from './provider-info';

export * from './provider-info';

export const ProviderIdSchema = z.enum(PROVIDER_IDS);

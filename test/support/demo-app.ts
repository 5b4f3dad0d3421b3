/**
 * The app with the demo accounts over a data folder, on a given clock, as the tests that start it open it
 * (keys in the folder's key file, answers over HTTP-shaped calls).
 */
import type { Clock } from '@core/time';
import { createApp, type App } from '../../main/app/create-app';
import { createFileSecretStore } from '../../main/services/secrets';

/** Opens the demo app over `dataDir` with `clock`. */
export function createDemoApp(dataDir: string, clock: Clock): Promise<App> {
  return createApp({
    dataDir,
    version: '0.0.0',
    transport: 'http',
    secrets: createFileSecretStore(dataDir),
    demo: true,
    clock,
  });
}

/** Builds the simulated organization's projects, users and API keys from a seed. */
import { createRandom, deriveSeed, type Random } from '@core/random';
import { DAY_MS } from '@core/time';
import { projectName } from './catalog';
import type { SimApiKey, SimOrg, SimProject } from './spend-types';

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomId(random: Random, prefix: string, length: number): string {
  let id = prefix;
  for (let i = 0; i < length; i++) id += ID_CHARS[Math.floor(random() * ID_CHARS.length)];
  return id;
}

/**
 * Creates `projectCount` active projects (created before `historyStartMs`), one archived project, and one or
 * two API keys per project, each owned by one of a few users. Same seed, same org.
 */
export function createOrg(seed: number, projectCount: number, historyStartMs: number): SimOrg {
  if (!Number.isInteger(projectCount) || projectCount < 1 || projectCount > 200) {
    throw new RangeError(`shape.projects must be an integer from 1 to 200, got ${projectCount}`);
  }
  const random = createRandom(deriveSeed(seed, 'org'));
  const userIds = Array.from({ length: 3 + Math.floor(projectCount / 5) }, () =>
    randomId(random, 'user-', 24),
  );
  const historyStartSec = Math.floor(historyStartMs / 1000);
  const projects: SimProject[] = [];
  const apiKeys: SimApiKey[] = [];
  for (let i = 0; i < projectCount; i++) {
    const id = randomId(random, 'proj_', 24);
    // Older projects first: created 10 to 400 days before the simulated history begins.
    const createdAtSec =
      historyStartSec - Math.floor(((400 - i * 7) * DAY_MS * (0.6 + 0.4 * random())) / 1000);
    projects.push({ id, name: projectName(i), createdAtSec, archivedAtSec: null });
    const keyCount = random() < 0.5 ? 1 : 2;
    for (let k = 0; k < keyCount; k++) {
      apiKeys.push({
        id: randomId(random, 'key_', 16),
        projectId: id,
        userId: userIds[Math.floor(random() * userIds.length)]!,
      });
    }
  }
  projects.sort((a, b) => a.createdAtSec - b.createdAtSec);
  const archivedCreated = historyStartSec - Math.floor((500 * DAY_MS) / 1000);
  const archivedProjects: SimProject[] = [
    {
      id: randomId(random, 'proj_', 24),
      name: 'Old prototype',
      createdAtSec: archivedCreated,
      archivedAtSec: archivedCreated + Math.floor((60 * DAY_MS) / 1000),
    },
  ];
  return { projects, archivedProjects, apiKeys };
}

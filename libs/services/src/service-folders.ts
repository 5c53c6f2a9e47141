import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { byPosition, type ServiceDefinition } from './definition';

/**
 * The definitions of every service folder under `root`: each sub-folder with an index exporting
 * `definition`. Adding a service is adding its folder (and its templates); no list elsewhere names it.
 */
export function loadServiceFolders(root: string): ServiceDefinition[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => ['index.ts', 'index.js'].some((file) => existsSync(path.join(root, entry.name, file))))
    .map((entry) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- folders are found at start-up
      const folder = require(path.join(root, entry.name)) as { definition?: ServiceDefinition };
      if (!folder.definition) throw new Error(`Service folder ${entry.name} exports no definition`);
      return folder.definition;
    })
    .sort(byPosition);
}

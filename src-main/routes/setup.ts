/** Routes `setup.*`: first run: the structure's setup or the demonstration. */
import type { RouteTable } from '../router';
import { completeSetup, openDemo } from '../services/setup/setup-service';

export const setupRoutes = {
  'setup.complete': {
    permission: 'public',
    states: ['setup'],
    handler: completeSetup,
  },
  'setup.demo': {
    permission: 'public',
    states: ['setup'],
    handler: openDemo,
  },
} satisfies Partial<RouteTable>;

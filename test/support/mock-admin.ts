import { createMockAdmin } from '../../src/mock/admin/client.js';

/** The mock's control routes on the test server's own origin. */
export const mockAdmin = createMockAdmin();

import { CustomerEvents, type TCustomerErasedEvent, type TCustomerMergedEvent } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { App } from '../../platform/http.ts';
import { createCustomerImports } from './customer-imports.ts';
import { createImportedOrders } from './imported-orders.ts';
import { registerCustomerImportRoutes } from './customer-import.routes.admin.ts';
import { CUSTOMER_IMPORT_QUEUE, runCustomerImport } from './import-job.ts';
import type { ImportPorts } from './ports.ts';

export type { ImportPorts, ResolveCustomers, RecordOrderFacts } from './ports.ts';
export { sampleExport, writeSampleExport, isBadSampleRow } from './sample-export.ts';

const RETRIES = 2;

/**
 * Import from other platforms (issue 7 §2): Taobao/Tmall, JD, Douyin shop and Youzan order exports
 * become customers (through the customer module's resolve) and imported orders kept here, whose paid
 * ones are the audience's order facts. Follows `customer.merged` and `customer.erased`.
 */
export function createCustomerImport(deps: { db: Db; log: Logger; jobs: Jobs; bus: EventBus; dataDir: string; ports: ImportPorts }) {
  const { db, log, dataDir, ports } = deps;
  const imports = createCustomerImports({ db, jobs: deps.jobs, dataDir });
  const orders = createImportedOrders(db);
  deps.jobs.define<{ importId: string }>(CUSTOMER_IMPORT_QUEUE, { retryLimit: RETRIES, retryDelaySeconds: 10, expireInSeconds: 4 * 3600 },
    ({ importId }, meta) => runCustomerImport({ db, log, dataDir, ports }, importId, { lastAttempt: meta.retryCount >= RETRIES }));
  deps.bus.subscribe(CustomerEvents.merged, 'customer-import.merged', (e, q) => orders.onMerged(e.payload as TCustomerMergedEvent, q));
  deps.bus.subscribe(CustomerEvents.erased, 'customer-import.erased', (e, q) => orders.onErased(e.payload as TCustomerErasedEvent, q));
  return {
    imports,
    orders,
    /** Runs an import's job now, in this process (tests, the demo seed); the queue does the same. */
    run: (importId: string, batchSize?: number) => runCustomerImport({ db, log, dataDir, ports, batchSize }, importId),
    registerRoutes(app: App) {
      registerCustomerImportRoutes(app, { db, log, imports, orders });
    },
  };
}
export type CustomerImportService = ReturnType<typeof createCustomerImport>;

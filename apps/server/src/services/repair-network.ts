import { firstInspectionFree, type SlaPolicy, type SlotSettings } from '@proofdesk/domain';
import type { DispatchNetwork } from './network.service.js';
import type { ServiceSettings } from './service-settings.service.js';

/** The workspace's service settings as the repair-order services use them. */
export interface RepairSettings {
  /** Product lines the workspace services (empty: any). */
  readonly productLines: readonly string[];
  readonly slots: SlotSettings;
  /** The SLA policy (response, arrival, resolution, escalation delays), passed to the domain's SLA functions. */
  readonly slaPolicy: SlaPolicy;
  /** Whether an order of a customer with `priorOrders` earlier orders gets a free first inspection. */
  firstInspectionFree(priorOrders: number): boolean;
}

/**
 * What the repair-order services need from the service network (H3's services): the network for the dispatch
 * index, its version (to know when a cached index is stale), the settings, and outlet managers for escalations.
 */
export interface RepairNetwork {
  settings(workspaceId: string): Promise<RepairSettings>;
  networkVersion(workspaceId: string): Promise<number>;
  dispatchNetwork(workspaceId: string): Promise<DispatchNetwork>;
}

/**
 * The repair services' view of the network services: the workspace's settings (slots, SLA policy, the inspection
 * policy's free first inspection, product lines), the network version and the dispatch network.
 */
export function repairNetworkOf(sources: {
  settingsOf(workspaceId: string): Promise<{ readonly settings: ServiceSettings }>;
  networkVersion(workspaceId: string): Promise<number>;
  dispatchNetwork(workspaceId: string): Promise<DispatchNetwork>;
}): RepairNetwork {
  return {
    async settings(workspaceId) {
      const { settings } = await sources.settingsOf(workspaceId);
      return {
        productLines: settings.productLines,
        slots: settings.slots,
        slaPolicy: settings.sla,
        firstInspectionFree: (priorOrders) => firstInspectionFree(settings.inspection, priorOrders),
      };
    },
    networkVersion: (workspaceId) => sources.networkVersion(workspaceId),
    dispatchNetwork: (workspaceId) => sources.dispatchNetwork(workspaceId),
  };
}

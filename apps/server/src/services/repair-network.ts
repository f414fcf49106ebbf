import { DEFAULT_SLA_POLICY, firstInspectionFree, type SlaPolicy, type SlotSettings } from '@proofdesk/domain';
import type { DispatchNetwork } from './network.service.js';

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

/** The settings fields the repair services read, whichever of them the network's settings carry. */
interface SettingsSource {
  readonly slots: SlotSettings;
  readonly productLines: readonly string[];
  readonly sla?: SlaPolicy;
  readonly slaPolicy?: SlaPolicy;
  /** Free first inspection: for a customer's first order (default true). */
  readonly freeFirstInspection?: boolean;
}

/**
 * The repair services' view of the network services: settings (SLA policy defaulting to the domain's
 * `DEFAULT_SLA_POLICY`, the free first inspection for a customer's first order unless turned off), the network
 * version and the dispatch network.
 */
export function repairNetworkOf(sources: {
  settingsOf(workspaceId: string): Promise<{ readonly settings: SettingsSource }>;
  networkVersion(workspaceId: string): Promise<number>;
  dispatchNetwork(workspaceId: string): Promise<DispatchNetwork>;
}): RepairNetwork {
  return {
    async settings(workspaceId) {
      const { settings } = await sources.settingsOf(workspaceId);
      const free = settings.freeFirstInspection ?? true;
      return {
        productLines: settings.productLines,
        slots: settings.slots,
        slaPolicy: settings.slaPolicy ?? settings.sla ?? DEFAULT_SLA_POLICY,
        firstInspectionFree: (priorOrders) => firstInspectionFree({ freeFirstInspection: free }, priorOrders),
      };
    },
    networkVersion: (workspaceId) => sources.networkVersion(workspaceId),
    dispatchNetwork: (workspaceId) => sources.dispatchNetwork(workspaceId),
  };
}

import type { C2paAction, C2paIngredient, C2paStatus, C2paSummary } from '@proofdesk/forensics';

/**
 * Maps the manifest-store JSON of c2pa-rs (`Reader::json()`, which `c2patool` also prints) to a {@link C2paSummary}.
 * Pure: no I/O. Reads leniently: every field may be missing or of the wrong type in a hostile file.
 */

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** `c2pa.actions`, `c2pa.actions.v2`, and their repeated instances (`c2pa.actions__1`). */
const ACTIONS_LABEL = /^c2pa\.actions(\.v\d+)?(__\d+)?$/;

/**
 * Codes the validator lists as failures that say "could not be checked here" rather than "is wrong": the signer
 * is not on a configured trust list, or an identity could not be resolved without the network. They are reported as
 * informational and never make a manifest `invalid` on their own.
 */
const UNVERIFIABLE_CODES: ReadonlySet<string> = new Set([
  'signingCredential.untrusted',
  'cawg.x509.credential.untrusted',
  'cawg.ica.did_unavailable',
]);

/** How deep ingredient lineage is followed (hostile stores can nest deeply or form cycles). */
const MAX_LINEAGE_DEPTH = 16;

function softwareAgentName(agent: unknown): string | undefined {
  if (typeof agent === 'string') return str(agent);
  if (!isRecord(agent)) return undefined;
  const name = str(agent.name);
  const version = str(agent.version);
  return name && version ? `${name} ${version}` : name;
}

function actionsOf(manifest: Json): C2paAction[] {
  const actions: C2paAction[] = [];
  for (const assertion of records(manifest.assertions)) {
    const label = str(assertion.label);
    if (!label || !ACTIONS_LABEL.test(label) || !isRecord(assertion.data)) continue;
    const agents = Array.isArray(assertion.data.softwareAgents) ? assertion.data.softwareAgents : [];
    for (const raw of records(assertion.data.actions)) {
      const action = str(raw.action);
      if (!action) continue;
      const parameters = isRecord(raw.parameters) ? raw.parameters : {};
      const index = typeof raw.softwareAgentIndex === 'number' ? raw.softwareAgentIndex : undefined;
      const softwareAgent =
        softwareAgentName(raw.softwareAgent) ?? (index === undefined ? undefined : softwareAgentName(agents[index]));
      const digitalSourceType = (str(raw.digitalSourceType) ?? str(parameters.digitalSourceType))?.trim();
      const when = str(raw.when);
      const description = str(raw.description) ?? str(parameters.description);
      actions.push({
        action,
        ...(digitalSourceType ? { digitalSourceType } : {}),
        ...(softwareAgent ? { softwareAgent } : {}),
        ...(when ? { when } : {}),
        ...(description ? { description } : {}),
      });
    }
  }
  return actions;
}

/** Every `digitalSourceType` (or IPTC `DigitalSourceType`) string anywhere in the manifest's assertions. */
function sourceTypesOf(manifest: Json): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 12) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const bare = key.slice(key.lastIndexOf(':') + 1).toLowerCase();
      if (bare === 'digitalsourcetype' && typeof child === 'string' && child.trim() !== '') found.add(child.trim());
      else visit(child, depth + 1);
    }
  };
  for (const assertion of records(manifest.assertions)) visit(assertion.data, 0);
  return [...found];
}

/**
 * The digitalSourceTypes of an ingredient's own manifest and of its `parentOf` lineage (a derivative keeps the
 * nature of what it was derived from).
 */
function lineageSourceTypes(manifests: Json, label: string, depth: number, seen: Set<string>): string[] {
  if (depth > MAX_LINEAGE_DEPTH || seen.has(label)) return [];
  seen.add(label);
  const manifest = manifests[label];
  if (!isRecord(manifest)) return [];
  const types = new Set(sourceTypesOf(manifest));
  for (const ingredient of records(manifest.ingredients)) {
    const parent = str(ingredient.active_manifest);
    if (parent && ingredient.relationship === 'parentOf') {
      for (const t of lineageSourceTypes(manifests, parent, depth + 1, seen)) types.add(t);
    }
  }
  return [...types];
}

function ingredientsOf(manifest: Json, manifests: Json): C2paIngredient[] {
  return records(manifest.ingredients).map((raw) => {
    const title = str(raw.title);
    const format = str(raw.format);
    const relationship = str(raw.relationship);
    const own = str(raw.active_manifest);
    const digitalSourceTypes =
      own && isRecord(manifests[own]) ? lineageSourceTypes(manifests, own, 0, new Set()) : undefined;
    return {
      ...(title ? { title } : {}),
      ...(format ? { format } : {}),
      ...(relationship ? { relationship } : {}),
      ...(digitalSourceTypes ? { digitalSourceTypes } : {}),
    };
  });
}

function claimGeneratorOf(manifest: Json): string | undefined {
  const legacy = str(manifest.claim_generator);
  if (legacy) return legacy;
  const info = Array.isArray(manifest.claim_generator_info)
    ? manifest.claim_generator_info
    : [manifest.claim_generator_info];
  const names = info.map(softwareAgentName).filter((n): n is string => n !== undefined);
  return names.length > 0 ? names.join(', ') : undefined;
}

function statuses(value: unknown): C2paStatus[] {
  return records(value).flatMap((raw) => {
    const code = str(raw.code);
    if (!code) return [];
    const explanation = str(raw.explanation);
    const url = str(raw.url);
    return [{ code, ...(explanation ? { explanation } : {}), ...(url ? { url } : {}) }];
  });
}

function dedupe(list: readonly C2paStatus[]): C2paStatus[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = `${s.code}\u0000${s.url ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Failure and informational codes of the active manifest and of its ingredients (`ingredientDeltas`). */
function validationOf(store: Json): { failures: C2paStatus[]; informational: C2paStatus[]; successes: string[] } {
  const results = isRecord(store.validation_results) ? store.validation_results : undefined;
  // Older readers only give the flat `validation_status` list, which holds failures.
  if (!results) return split(statuses(store.validation_status), [], []);
  const active = isRecord(results.activeManifest) ? results.activeManifest : {};
  const failed = statuses(active.failure);
  const informational = statuses(active.informational);
  for (const delta of records(results.ingredientDeltas)) {
    const deltas = isRecord(delta.validationDeltas) ? delta.validationDeltas : {};
    failed.push(...statuses(deltas.failure));
    informational.push(...statuses(deltas.informational));
  }
  return split(
    failed,
    informational,
    statuses(active.success).map((s) => s.code),
  );
}

/** Moves the unverifiable codes from the failures to the informational list. */
function split(
  failed: readonly C2paStatus[],
  informational: readonly C2paStatus[],
  successes: string[],
): { failures: C2paStatus[]; informational: C2paStatus[]; successes: string[] } {
  const failures = failed.filter((s) => !UNVERIFIABLE_CODES.has(s.code));
  const unverifiable = failed.filter((s) => UNVERIFIABLE_CODES.has(s.code));
  return { failures: dedupe(failures), informational: dedupe([...unverifiable, ...informational]), successes };
}

function stateOf(
  reported: string | undefined,
  failures: readonly C2paStatus[],
  successes: readonly string[],
): C2paSummary['validationState'] {
  if (failures.length > 0) return 'invalid';
  const state = reported?.toLowerCase();
  if (state === 'trusted') return 'trusted';
  if (state === 'valid') return 'valid';
  // `Invalid` only because of unverifiable codes: valid when the claim signature itself verified.
  if (state === 'invalid' && successes.includes('claimSignature.validated')) return 'valid';
  return 'well_formed';
}

/**
 * Summarises a c2pa-rs manifest store.
 * @param store the parsed JSON of `Reader::json()` (c2pa-wasm `WasmReader.json()`)
 * @example summariseManifestStore(JSON.parse(reader.json())).activeManifest?.claimGenerator
 */
export function summariseManifestStore(store: unknown): C2paSummary {
  const root = isRecord(store) ? store : {};
  const manifests = isRecord(root.manifests) ? root.manifests : {};
  const activeLabel = str(root.active_manifest);
  const active = activeLabel ? manifests[activeLabel] : undefined;
  const { failures, informational, successes } = validationOf(root);
  const validationState = stateOf(str(root.validation_state), failures, successes);
  const base = { manifestCount: Object.keys(manifests).length, validationState, failures, informational };
  if (!activeLabel || !isRecord(active)) return base;

  const signature = isRecord(active.signature_info) ? active.signature_info : {};
  const issuer = str(signature.issuer);
  const commonName = str(signature.common_name);
  const algorithm = str(signature.alg);
  const signedAt = str(signature.time);
  const claimGenerator = claimGeneratorOf(active);
  const title = str(active.title);
  const format = str(active.format);
  const actions = actionsOf(active);
  const actionTypes = actions.flatMap((a) => (a.digitalSourceType ? [a.digitalSourceType] : []));
  return {
    ...base,
    activeManifest: {
      label: activeLabel,
      ...(claimGenerator ? { claimGenerator } : {}),
      ...(title ? { title } : {}),
      ...(format ? { format } : {}),
      ...(issuer || commonName || algorithm
        ? {
            signer: {
              ...(issuer ? { issuer } : {}),
              ...(commonName ? { commonName } : {}),
              ...(algorithm ? { algorithm } : {}),
            },
          }
        : {}),
      ...(signedAt ? { signedAt } : {}),
      actions,
      ingredients: ingredientsOf(active, manifests),
      digitalSourceTypes: [...new Set([...actionTypes, ...sourceTypesOf(active)])],
      assertionLabels: records(active.assertions).flatMap((a) => str(a.label) ?? []),
    },
  };
}

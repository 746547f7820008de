// Catalog resource types grouped by the service segment of their ARN template ("iam" gathers IAM's own
// types plus those STS, SSM, CodeStar… declare on IAM ARNs), and the resource types an action accepts.
// Built lazily once per catalog; it reads nothing but the catalog.

import type { ActionInfo, IamCatalog, ResourceTypeInfo } from './catalog';
import { perCatalog } from './perCatalog';
import { arnServiceSegment } from './arnTemplate';

interface ArnIndex {
  readonly byService: ReadonlyMap<string, readonly ResourceTypeInfo[]>;
  readonly serviceSegments: readonly string[];
}


/** [ARN service segment, segment whose templates it also accepts, resource prefix of those templates] */
const SERVICE_SEGMENT_EXTRAS: ReadonlyArray<readonly [string, string, string]> = [['sts', 'iam', 'assumed-role/']];

function build(catalog: IamCatalog): ArnIndex {
  const byService = new Map<string, ResourceTypeInfo[]>();
  for (const svc of catalog.services.values()) {
    for (const rt of svc.resourceTypes.values()) {
      // the service segment alone: the full template is split only for the types a check reaches
      const seg = arnServiceSegment(rt.arn).toLowerCase();
      // a template with a placeholder service (backup's "${Vendor}") names no namespace of its own
      if (!seg || seg.includes('${')) continue;
      let list = byService.get(seg);
      if (!list) byService.set(seg, (list = []));
      list.push(rt);
    }
  }
  // The service data lists the assumed-role type on IAM ARNs, but real assumed-role session ARNs are
  // "arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION" (IAM User Guide, "IAM identifiers"): STS ARNs accept it too.
  for (const [target, from, resourcePrefix] of SERVICE_SEGMENT_EXTRAS) {
    const extra = (byService.get(from) ?? []).filter((rt) => rt.template.resource.startsWith(resourcePrefix));
    if (extra.length) byService.set(target, [...(byService.get(target) ?? []), ...extra]);
  }
  return { byService, serviceSegments: [...byService.keys()].sort() };
}

const index = perCatalog(build);

/** Resource types whose ARN template has this service segment (lowercase), from every catalog service. */
export function resourceTypesForArnService(catalog: IamCatalog, serviceSegment: string): readonly ResourceTypeInfo[] {
  return index(catalog).byService.get(serviceSegment.toLowerCase()) ?? [];
}

/** Every service segment that appears in some ARN template, sorted. */
export function arnServiceSegments(catalog: IamCatalog): readonly string[] {
  return index(catalog).serviceSegments;
}

/**
 * The resource types an action can be authorized on. `undefined` when the catalog names a type it does not
 * define (then nobody can tell which ARNs fit, and callers must not report); `[]` when the action only
 * supports `"Resource": "*"`.
 */
export function resourceTypesOfAction(action: ActionInfo): readonly ResourceTypeInfo[] | undefined {
  const hit = typesOfAction.get(action);
  if (hit !== undefined) return hit === NO_TYPES ? undefined : hit;
  let out: ResourceTypeInfo[] | undefined = [];
  for (const r of action.resources) {
    const rt = action.service.resourceTypes.get(r.name.toLowerCase());
    if (!rt) {
      out = undefined;
      break;
    }
    out.push(rt);
  }
  const shared = out === undefined ? NO_TYPES : intern(action, out);
  typesOfAction.set(action, shared);
  return shared === NO_TYPES ? undefined : shared;
}

/** Marks "the data names a type it does not define" in the cache (undefined means "not computed yet"). */
const NO_TYPES: readonly ResourceTypeInfo[] = [];
const typesOfAction = new WeakMap<ActionInfo, readonly ResourceTypeInfo[]>();

/**
 * Actions of a service that take the same resource types get the same array, so callers can memoise per
 * type list (RESOURCE_MISMATCH judges each ARN once per list instead of once per action).
 */
const internedLists = new WeakMap<object, Map<string, readonly ResourceTypeInfo[]>>();
function intern(action: ActionInfo, types: readonly ResourceTypeInfo[]): readonly ResourceTypeInfo[] {
  let byNames = internedLists.get(action.service);
  if (!byNames) internedLists.set(action.service, (byNames = new Map()));
  const key = types.map((t) => t.name).join('\u0000');
  const hit = byNames.get(key);
  if (hit) return hit;
  byNames.set(key, types);
  return types;
}

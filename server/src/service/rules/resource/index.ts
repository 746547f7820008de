// The resource rules, in code order. Add a new rule here (and its fixture folder and docs).
// (RESOURCE_STAR, catalogue S02, lives here because it is decided by the actions' resource types.)

import type { Rule } from '../rule';
import { arnAccountNotAllowed } from './arnAccountNotAllowed';
import { arnRegionNotAllowed } from './arnRegionNotAllowed';
import { arnVariableBeforeResource } from './arnVariableBeforeResource';
import { invalidArnAccount } from './invalidArnAccount';
import { invalidArnPrefix } from './invalidArnPrefix';
import { invalidArnRegion } from './invalidArnRegion';
import { invalidArnResource } from './invalidArnResource';
import { invalidArnServiceCase } from './invalidArnServiceCase';
import { invalidPartition } from './invalidPartition';
import { missingArnField } from './missingArnField';
import { missingArnRegion } from './missingArnRegion';
import { redundantResource } from './redundantResource';
import { resourceEffectivelyStar } from './resourceEffectivelyStar';
import { resourceMismatch } from './resourceMismatch';
import { resourceStar } from './resourceStar';
import { unknownArnService } from './unknownArnService';
import { wildcardInArnService } from './wildcardInArnService';
import { wildcardInIamResourceType } from './wildcardInIamResourceType';
import { missingArnAccount } from './missingArnAccount';

export const resourceRules: readonly Rule[] = [
  arnAccountNotAllowed,
  arnRegionNotAllowed,
  arnVariableBeforeResource,
  invalidArnAccount,
  invalidArnPrefix,
  invalidArnRegion,
  invalidArnResource,
  invalidArnServiceCase,
  invalidPartition,
  missingArnAccount,
  missingArnField,
  missingArnRegion,
  redundantResource,
  resourceEffectivelyStar,
  resourceMismatch,
  resourceStar,
  unknownArnService,
  wildcardInArnService,
  wildcardInIamResourceType,
];

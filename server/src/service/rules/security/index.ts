// The security rules, in code order. Add a new rule here (and its fixture folder and docs).

import type { Rule } from '../rule';
import { allowNotAction } from './allowNotAction';
import { allowNotResource } from './allowNotResource';
import { allowWithNotPrincipal } from './allowWithNotPrincipal';
import { bucketPolicyLockout } from './bucketPolicyLockout';
import { bucketPrivilegeEscalation } from './bucketPrivilegeEscalation';
import { computeServiceTrust } from './computeServiceTrust';
import { createSlrWithStarInResource } from './createSlrWithStarInResource';
import { credentialsExposure } from './credentialsExposure';
import { crossAccountAllowWithoutCondition } from './crossAccountAllowWithoutCondition';
import { crossAccountTrust } from './crossAccountTrust';
import { dataExfiltration } from './dataExfiltration';
import { fullAdmin } from './fullAdmin';
import { mfaAntiPattern } from './mfaAntiPattern';
import { missingConditionKeyForOidcPrincipal } from './missingConditionKeyForOidcPrincipal';
import { missingGithubRepoConditionKey } from './missingGithubRepoConditionKey';
import { missingOidcAudienceCondition } from './missingOidcAudienceCondition';
import { missingSecureTransportDeny } from './missingSecureTransportDeny';
import { passRoleWithStarInResource } from './passRoleWithStarInResource';
import { permissionsManagementUnconstrained } from './permissionsManagementUnconstrained';
import { privilegeEscalation } from './privilegeEscalation';
import { publicResourcePolicy } from './publicResourcePolicy';
import { recommendedConditionKeyForServicePrincipal, restrictAccessToServicePrincipal } from './servicePrincipalSource';
import { sensitiveActionWithoutCondition } from './sensitiveActionWithoutCondition';
import { serviceWildcard } from './serviceWildcard';
import { specificGithubRepoRecommended } from './specificGithubRepoRecommended';
import { starAction } from './starAction';
import { trustAnyPrincipal } from './trustAnyPrincipal';
import { unsupportedConditionKeyForServicePrincipal } from './unsupportedConditionKeyForServicePrincipal';
import { writeUnconstrained } from './writeUnconstrained';
import { dynamodbAttributesWithoutSelect } from './dynamodbAttributesWithoutSelect';

export const securityRules: readonly Rule[] = [
  allowNotAction,
  allowNotResource,
  allowWithNotPrincipal,
  bucketPolicyLockout,
  createSlrWithStarInResource,
  credentialsExposure,
  crossAccountAllowWithoutCondition,
  crossAccountTrust,
  dataExfiltration,
  dynamodbAttributesWithoutSelect,
  fullAdmin,
  mfaAntiPattern,
  missingConditionKeyForOidcPrincipal,
  missingGithubRepoConditionKey,
  missingOidcAudienceCondition,
  missingSecureTransportDeny,
  passRoleWithStarInResource,
  permissionsManagementUnconstrained,
  privilegeEscalation,
  publicResourcePolicy,
  bucketPrivilegeEscalation,
  recommendedConditionKeyForServicePrincipal,
  restrictAccessToServicePrincipal,
  sensitiveActionWithoutCondition,
  serviceWildcard,
  specificGithubRepoRecommended,
  starAction,
  computeServiceTrust,
  trustAnyPrincipal,
  unsupportedConditionKeyForServicePrincipal,
  writeUnconstrained,
];

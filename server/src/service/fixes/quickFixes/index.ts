// The quick-fix providers, one module each; the registry indexes them by the diagnostic codes they answer.

import type { QuickFixProvider } from '../fixTypes';
import { replaceWithSuggestion } from './replaceWithSuggestion';
import { duplicateSidFix, versionFixes } from './versionAndSid';
import { addConditionFixes } from './addConditions';
import { scopeResourceFix } from './scopeResource';
import { passRoleFix } from './passRole';
import { qualifierFixes } from './qualifiers';
import { denyWithoutMfaFix } from './denyWithoutMfa';
import { serviceWildcardScopeFix, wildcardFixes } from './wildcardFixes';

export const QUICK_FIXES: readonly QuickFixProvider[] = [replaceWithSuggestion, versionFixes, duplicateSidFix, addConditionFixes, scopeResourceFix, passRoleFix, qualifierFixes, denyWithoutMfaFix, wildcardFixes, serviceWildcardScopeFix];

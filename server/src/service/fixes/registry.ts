// All quick-fix and refactoring providers. Quick fixes are looked up by diagnostic code.

import type { QuickFixProvider, RefactoringProvider } from './fixTypes';
import { actionListRefactorings } from './refactorings/actionListRefactorings';
import { splitStatementByService } from './refactorings/splitStatement';
import { splitStatementByResourceType } from './refactorings/splitByResourceType';
import { QUICK_FIXES } from './quickFixes';
import { addConditionRefactorings } from './quickFixes/addConditions';
import { scopeResourceRefactoring } from './quickFixes/scopeResource';

export const REFACTORINGS: readonly RefactoringProvider[] = [actionListRefactorings, splitStatementByService, splitStatementByResourceType, addConditionRefactorings, scopeResourceRefactoring];

const byCode = new Map<string, QuickFixProvider[]>();
for (const p of QUICK_FIXES) {
  for (const code of p.codes) byCode.set(code, [...(byCode.get(code) ?? []), p]);
}

/** Providers for a code: the specific ones, or else those that answer every code ("*": data.suggestion). */
export function quickFixesFor(code: string): readonly QuickFixProvider[] {
  return byCode.get(code) ?? byCode.get('*') ?? [];
}

// The syntax rules (document level: JSON errors, duplicate keys), in code order.

import type { Rule } from '../rule';
import { analysisSkipped } from './analysisSkipped';
import { duplicateKey } from './duplicateKey';
import { hclSyntaxError } from './hclSyntaxError';
import { intrinsicInPolicyString } from './intrinsicInPolicyString';
import { jsonSyntaxError } from './jsonSyntaxError';
import { policyDocumentNotObject } from './policyDocumentNotObject';
import { samPolicyTemplateParameter } from './samPolicyTemplateParameter';
import { samPolicyTemplateUnknown } from './samPolicyTemplateUnknown';

export const syntaxRules: readonly Rule[] = [analysisSkipped, duplicateKey, hclSyntaxError, intrinsicInPolicyString, jsonSyntaxError, policyDocumentNotObject, samPolicyTemplateParameter, samPolicyTemplateUnknown];

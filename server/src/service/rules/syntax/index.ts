// The syntax rules (document level: JSON errors, duplicate keys), in code order.

import type { Rule } from '../rule';
import { duplicateKey } from './duplicateKey';
import { jsonSyntaxError } from './jsonSyntaxError';

export const syntaxRules: readonly Rule[] = [duplicateKey, jsonSyntaxError];

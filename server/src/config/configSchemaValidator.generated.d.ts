// Types of the precompiled .iam-policy.json validator (scripts/generateConfigSchema.mjs writes the .js).
import type { ErrorObject } from 'ajv';

interface StandaloneValidate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

declare const validate: StandaloneValidate;
export default validate;

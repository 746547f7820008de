// Types of the precompiled policy-schema validator (scripts/buildSchemaValidator.mjs writes the .js).
import type { ErrorObject } from 'ajv';

interface StandaloneValidate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

declare const validate: StandaloneValidate;
export default validate;

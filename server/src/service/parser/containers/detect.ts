// Chooses how to read a document: as JSON (plain policy or CloudFormation JSON), as YAML (CloudFormation/SAM) or
// as Terraform, from the language id, the file extension and, for ambiguous names, the first character. Cheap:
// it never parses.

export type ContainerKind = 'json' | 'yaml' | 'terraform';

const YAML_LANGUAGES = new Set(['yaml', 'cloudformation', 'cfn-yaml', 'yaml-cloudformation']);
const TERRAFORM_LANGUAGES = new Set(['terraform', 'hcl', 'tf']);

export function detectContainer(text: string, uri: string, languageId: string | undefined): ContainerKind {
  const path = uri.split(/[?#]/, 1)[0]!.toLowerCase();
  if ((languageId && TERRAFORM_LANGUAGES.has(languageId)) || /\.tf$/.test(path)) return 'terraform';
  if (languageId && YAML_LANGUAGES.has(languageId)) return 'yaml';
  if (/\.ya?ml$/.test(path)) return 'yaml';
  if (languageId === 'json' || languageId === 'jsonc' || /\.json$/.test(path)) return 'json';
  // `.template` (and unknown names): CloudFormation templates are JSON when they start with `{`, else YAML
  if (/\.template$/.test(path) || !languageId) return firstSignificant(text) === '{' || firstSignificant(text) === '' ? 'json' : looksLikeYamlTemplate(text) ? 'yaml' : 'json';
  return 'json';
}

function firstSignificant(text: string): string {
  const m = /\S/.exec(text);
  return m ? m[0] : '';
}

/** A YAML CloudFormation template announces itself in a top-level key. */
function looksLikeYamlTemplate(text: string): boolean {
  return /^(AWSTemplateFormatVersion|Resources|Transform)\s*:/m.test(text);
}

// One-paragraph explanations of the policy grammar's elements (Version, Statement, Effect, NotAction, ...),
// the Principal map's keys and the Version / Effect values. Static text (IAM User Guide, "IAM JSON policy
// elements reference"); no catalog access.

const ELEMENTS: Readonly<Record<string, string>> = {
  Version:
    '**Version**: the policy language version. Use `"2012-10-17"`; with the legacy `"2008-10-17"` (or no Version) policy variables such as `${aws:username}` are treated as literal text.',
  Id: '**Id**: an optional identifier for the policy (some services, e.g. SQS and SNS, expect one in resource policies). IAM does not use it in evaluation.',
  Statement: '**Statement**: the policy\'s statements, one object or an array of objects. Each is evaluated on its own; an explicit Deny in any statement wins over every Allow.',
  Sid: '**Sid**: an optional statement ID, unique in the policy. IAM accepts only letters and digits; some resource policies allow more. It does not affect evaluation.',
  Effect: '**Effect**: `"Allow"` or `"Deny"` (case-sensitive). An explicit Deny overrides any Allow; without any Allow, access is denied by default.',
  Principal:
    '**Principal**: who the statement applies to, in resource-based and trust policies: `"*"` or a map of `AWS`, `Service`, `Federated` or `CanonicalUser` to a value or list. Not allowed in identity policies, permissions boundaries or SCPs.',
  NotPrincipal:
    '**NotPrincipal**: applies the statement to every principal *except* the listed ones. Mostly used with Deny; AWS recommends conditions on `aws:PrincipalArn` instead. With Allow it grants access to everyone else, anonymous callers included.',
  Action: '**Action**: the actions the statement allows or denies, as `service:ActionName` (case-insensitive) or a list; `*` and `?` wildcards are allowed in the action name.',
  NotAction:
    '**NotAction**: the statement applies to every action *except* the listed ones, in every service. With Allow this grants far more than intended (including future actions); it is safest with Deny.',
  Resource: '**Resource**: the resources the statement covers, as ARNs (wildcards allowed) or `"*"`. Actions without resource-level permissions need `"*"`. Trust policies have no Resource.',
  NotResource:
    '**NotResource**: the statement applies to every resource *except* the listed ARNs. With Allow it also grants access to resources created in the future; prefer Resource.',
  Condition:
    '**Condition**: extra tests on the request context, as `{ "Operator": { "key": value or [values] } }`. All operators and all keys must match (AND); several values for one key are alternatives (OR).',
};

const PRINCIPAL_KEYS: Readonly<Record<string, string>> = {
  AWS: '**AWS**: AWS accounts and IAM principals: a 12-digit account ID or `arn:aws:iam::ACCOUNT:root` (the whole account), user and role ARNs, assumed-role session ARNs, or `"*"`.',
  Service: '**Service**: AWS service principals such as `lambda.amazonaws.com`, for services that act on your behalf (trust policies, resource policies).',
  Federated: '**Federated**: an identity provider: a SAML or OIDC provider ARN (`arn:aws:iam::ACCOUNT:saml-provider/NAME`, `…:oidc-provider/HOST`) or a web identity provider such as `cognito-identity.amazonaws.com`.',
  CanonicalUser: '**CanonicalUser**: an AWS account by its Amazon S3 canonical user ID (64 hex characters); used by S3 and CloudFront origin access identities.',
};

export function elementHover(key: string): string | undefined {
  return ELEMENTS[key];
}

export function principalKeyHover(key: string): string | undefined {
  return PRINCIPAL_KEYS[key];
}

export function versionValueHover(value: string): string {
  if (value === '2012-10-17') return '**2012-10-17**: the current policy language version. Policy variables (`${…}`) are supported.';
  if (value === '2008-10-17') return '**2008-10-17**: the legacy policy language version. Policy variables are not supported: `${aws:username}` is matched literally. Use `2012-10-17`.';
  return `\`${value}\` is not a policy language version: use \`2012-10-17\`.`;
}

export function effectValueHover(value: string): string {
  if (value === 'Allow') return '**Allow**: grants the listed actions on the listed resources, unless a Deny (in any applicable policy) or a missing allow elsewhere (SCP, permissions boundary, session policy) blocks it.';
  if (value === 'Deny') return '**Deny**: explicitly denies the listed actions. An explicit Deny wins over every Allow in every policy.';
  return `\`${value}\` is not an Effect: use \`Allow\` or \`Deny\` (case-sensitive).`;
}

// Our own table of the global aws:* condition keys with types, multi-valuedness and descriptions:
// the IAM data package only carries 59 of them, without descriptions (source: IAM User Guide,
// "AWS global condition context keys", summarised in shared/spec/checks-catalogue.md §5).

export type ConditionKeyType = 'String' | 'ARN' | 'Bool' | 'Numeric' | 'Date' | 'IPAddress';

interface GlobalKey {
  readonly key: string;
  readonly type: ConditionKeyType;
  readonly multiValued: boolean;
  readonly description: string;
  readonly isPattern: boolean;
  readonly global: true;
}

function k(key: string, type: ConditionKeyType, description: string, multiValued = false): GlobalKey {
  return { key, type, multiValued, description, isPattern: key.includes('${'), global: true };
}

export const GLOBAL_CONDITION_KEYS: readonly GlobalKey[] = [
  k('aws:CalledVia', 'String', 'The services that made requests on behalf of the principal, in order (multivalued).', true),
  k('aws:CalledViaFirst', 'String', 'The first service in the CalledVia chain that made a request on behalf of the principal.'),
  k('aws:CalledViaLast', 'String', 'The last service in the CalledVia chain that made a request on behalf of the principal.'),
  k('aws:FederatedProvider', 'String', 'The identity provider that issued the federated principal its credentials.'),
  k('aws:PrincipalAccount', 'String', 'The AWS account ID of the principal making the request.'),
  k('aws:PrincipalArn', 'ARN', 'The ARN of the principal making the request (for a role session, the role ARN).'),
  k('aws:PrincipalOrgID', 'String', 'The AWS Organizations ID of the organization the principal belongs to.'),
  k('aws:PrincipalOrgPaths', 'String', 'The Organizations paths of the principal\'s account (multivalued).', true),
  k('aws:PrincipalServiceName', 'String', 'The service principal name when a service makes the request with its own credentials.'),
  k('aws:PrincipalServiceNamesList', 'String', 'All service principal names of the service making the request (multivalued).', true),
  k('aws:PrincipalTag/${TagKey}', 'String', 'A tag attached to the principal (user or role) making the request.'),
  k('aws:PrincipalType', 'String', 'The type of the principal: Account, User, FederatedUser, AssumedRole or Anonymous.'),
  k('aws:PrincipalIsAWSService', 'Bool', 'Whether the request is made by an AWS service principal using its own credentials.'),
  k('aws:referer', 'String', 'The HTTP Referer header of the request (easily spoofed; do not rely on it for security).'),
  k('aws:RequestedRegion', 'String', 'The AWS Region the request was made to.'),
  k('aws:RequestTag/${TagKey}', 'String', 'A tag key/value pair passed in the request.'),
  k('aws:ResourceAccount', 'String', 'The AWS account ID that owns the requested resource.'),
  k('aws:ResourceOrgID', 'String', 'The Organizations ID of the organization that owns the requested resource.'),
  k('aws:ResourceOrgPaths', 'String', 'The Organizations paths of the account that owns the resource (multivalued).', true),
  k('aws:ResourceTag/${TagKey}', 'String', 'A tag attached to the requested resource.'),
  k('aws:SourceAccount', 'String', 'The account of the resource making a service-to-service request on your behalf.'),
  k('aws:SourceArn', 'ARN', 'The ARN of the resource making a service-to-service request on your behalf.'),
  k('aws:SourceIdentity', 'String', 'The source identity set when a role was assumed.'),
  k('aws:SourceIp', 'IPAddress', 'The requester\'s public IP address (absent for requests through a VPC endpoint).'),
  k('aws:SourceOrgID', 'String', 'The Organizations ID of the resource making a service-to-service request.'),
  k('aws:SourceOrgPaths', 'String', 'The Organizations paths of the resource making a service-to-service request (multivalued).', true),
  k('aws:SourceVpc', 'String', 'The VPC ID through whose endpoint the request was made.'),
  k('aws:SourceVpce', 'String', 'The VPC endpoint ID through which the request was made.'),
  k('aws:SourceVpcArn', 'ARN', 'The ARN of the VPC through whose endpoint the request was made.'),
  k('aws:TagKeys', 'String', 'The tag keys passed in the request (multivalued).', true),
  k('aws:UserAgent', 'String', 'The requester\'s client application (easily spoofed).'),
  k('aws:userid', 'String', 'The unique ID of the principal making the request.'),
  k('aws:username', 'String', 'The friendly name of the IAM user making the request.'),
  k('aws:Ec2InstanceSourceVpc', 'String', 'The VPC ID where EC2 instance role credentials were delivered.'),
  k('aws:Ec2InstanceSourcePrivateIPv4', 'IPAddress', 'The private IPv4 address of the EC2 instance to which role credentials were delivered.'),
  k('aws:VpceAccount', 'String', 'The account that owns the VPC endpoint the request was made through.'),
  k('aws:VpceOrgID', 'String', 'The Organizations ID of the owner of the VPC endpoint the request was made through.'),
  k('aws:VpceOrgPaths', 'String', 'The Organizations paths of the owner of the VPC endpoint the request was made through (multivalued).', true),
  k('aws:VpcSourceIp', 'IPAddress', 'The IP address from which a request was made through a VPC endpoint.'),
  k('aws:CurrentTime', 'Date', 'The date and time of the request (ISO 8601).'),
  k('aws:EpochTime', 'Date', 'The date and time of the request as epoch seconds or ISO 8601.'),
  k('aws:TokenIssueTime', 'Date', 'When the temporary security credentials were issued.'),
  k('aws:MultiFactorAuthAge', 'Numeric', 'Seconds since the principal authenticated with MFA (absent without MFA).'),
  k('aws:MultiFactorAuthPresent', 'Bool', 'Whether MFA was used to obtain the temporary credentials (absent with long-term access keys).'),
  k('aws:SecureTransport', 'Bool', 'Whether the request was sent over TLS.'),
  k('aws:ViaAWSService', 'Bool', 'Whether an AWS service made the request on the principal\'s behalf (forward access sessions).'),
  k('aws:AssumedRoot', 'Bool', 'Whether the request was made with a privileged root session from centralized root access.'),
  k('aws:ChatbotSourceArn', 'ARN', 'The ARN of the chat channel configuration from which an AWS Chatbot request was made.'),
  k('aws:IsMcpServiceAction', 'Bool', 'Whether the request was made by an AWS managed MCP server.'),
  k('aws:ViaAWSMCPService', 'Bool', 'Whether the request was made through an AWS managed MCP server.'),
  k('aws:CalledViaAWSMCP', 'String', 'The AWS managed MCP server that made the request on the principal\'s behalf.'),
  k('aws:SourceOwner', 'String', 'Deprecated alias used by some services for the account of the source resource.'),
  k('aws:ARN', 'ARN', 'Deprecated and unsupported: use aws:PrincipalArn or aws:SourceArn.'),
];

/** For a lowercased pattern key such as "aws:resourcetag/${tagkey}": the literal part before the placeholder. */
export function conditionKeyPatternPrefix(lowerKey: string): string {
  const m = /\$\{|<|tag-key$/.exec(lowerKey);
  return m ? lowerKey.slice(0, m.index) : lowerKey;
}

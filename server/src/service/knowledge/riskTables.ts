// Risk tables as data, with their sources: privilege-escalation combinations, actions that return
// credentials, data-exfiltration reads, and the default "sensitive actions" list. The security rules
// evaluate them; nothing here looks at a policy.

import { AccessLevel } from './accessLevel';

export interface EscalationCombo {
  /** the method name used by the source (shown in messages so users can look it up) */
  readonly name: string;
  /** every action needed (canonical casing; matched case-insensitively) */
  readonly actions: readonly string[];
  readonly source: 'Rhino Security Labs' | 'pathfinding.cloud';
}

const rhino = (name: string, ...actions: string[]): EscalationCombo => ({ name, actions, source: 'Rhino Security Labs' });
const pathfinding = (name: string, ...actions: string[]): EscalationCombo => ({ name, actions, source: 'pathfinding.cloud' });

/**
 * Privilege-escalation methods, as listed by cloudsplaining's PRIVILEGE_ESCALATION_METHODS
 * (salesforce/cloudsplaining, cloudsplaining/shared/constants.py): the Rhino Security Labs set plus the
 * pathfinding.cloud (Datadog) additions. Catalogue §3.
 */
export const PRIVILEGE_ESCALATION_COMBOS: readonly EscalationCombo[] = [
  // IAM permissions on other users
  rhino('CreateAccessKey', 'iam:CreateAccessKey'),
  rhino('CreateLoginProfile', 'iam:CreateLoginProfile'),
  rhino('UpdateLoginProfile', 'iam:UpdateLoginProfile'),
  rhino('AddUserToGroup', 'iam:AddUserToGroup'),
  // permissions on policies
  rhino('CreateNewPolicyVersion', 'iam:CreatePolicyVersion'),
  rhino('SetExistingDefaultPolicyVersion', 'iam:SetDefaultPolicyVersion'),
  rhino('AttachUserPolicy', 'iam:AttachUserPolicy'),
  rhino('AttachGroupPolicy', 'iam:AttachGroupPolicy'),
  rhino('AttachRolePolicy', 'iam:AttachRolePolicy'),
  rhino('PutUserPolicy', 'iam:PutUserPolicy'),
  rhino('PutGroupPolicy', 'iam:PutGroupPolicy'),
  rhino('PutRolePolicy', 'iam:PutRolePolicy'),
  // updating a trust policy
  rhino('UpdateRolePolicyToAssumeIt', 'iam:UpdateAssumeRolePolicy'),
  // iam:PassRole to a new compute resource
  rhino('CreateEC2WithExistingIP', 'iam:PassRole', 'ec2:RunInstances'),
  rhino('PassExistingRoleToNewLambdaThenInvoke', 'iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'),
  rhino('PassExistingRoleToNewLambdaThenTriggerWithNewDynamo', 'iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping', 'dynamodb:CreateTable', 'dynamodb:PutItem'),
  rhino('PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo', 'iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'),
  rhino('PassExistingRoleToNewGlueDevEndpoint', 'iam:PassRole', 'glue:CreateDevEndpoint'),
  rhino('PassExistingRoleToCloudFormation', 'iam:PassRole', 'cloudformation:CreateStack'),
  rhino('PassExistingRoleToNewDataPipeline', 'iam:PassRole', 'datapipeline:CreatePipeline'),
  // abusing existing resources that run with a role
  rhino('UpdateExistingGlueDevEndpoint', 'glue:UpdateDevEndpoint'),
  rhino('EditExistingLambdaFunctionWithRole', 'lambda:UpdateFunctionCode'),
  // pathfinding.cloud: existing resources
  pathfinding('AccessExistingBedrockCodeInterpreterSession', 'bedrock-agentcore:StartCodeInterpreterSession', 'bedrock-agentcore:InvokeCodeInterpreter'),
  pathfinding('ExecuteCloudFormationChangeSet', 'cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'),
  pathfinding('ModifyEC2InstanceUserDataThenRestart', 'ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'),
  pathfinding('ModifyExistingEC2LaunchTemplate', 'ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'),
  pathfinding('EC2InstanceConnectSendSSHPublicKey', 'ec2-instance-connect:SendSSHPublicKey', 'ec2:DescribeInstances'),
  pathfinding('ECSExecuteCommandOnRunningTask', 'ecs:ExecuteCommand', 'ecs:DescribeTasks'),
  pathfinding('UpdateAndInvokeLambdaFunction', 'lambda:UpdateFunctionCode', 'lambda:InvokeFunction'),
  pathfinding('UpdateLambdaFunctionAndAddPermission', 'lambda:UpdateFunctionCode', 'lambda:AddPermission'),
  pathfinding('CreatePresignedSageMakerNotebookUrl', 'sagemaker:CreatePresignedNotebookInstanceUrl'),
  pathfinding('UpdateSageMakerNotebookLifecycleConfig', 'sagemaker:CreateNotebookInstanceLifecycleConfig', 'sagemaker:StopNotebookInstance', 'sagemaker:UpdateNotebookInstance', 'sagemaker:StartNotebookInstance'),
  // pathfinding.cloud: iam:PassRole to a new resource
  pathfinding('PassExistingRoleToNewAppRunnerService', 'iam:PassRole', 'apprunner:CreateService'),
  pathfinding('PassExistingRoleToNewBedrockCodeInterpreter', 'iam:PassRole', 'bedrock-agentcore:CreateCodeInterpreter', 'bedrock-agentcore:StartCodeInterpreterSession', 'bedrock-agentcore:InvokeCodeInterpreter'),
  pathfinding('PassExistingRoleToNewCloudFormationStackSet', 'iam:PassRole', 'cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances'),
  pathfinding('PassRoleToUpdateCloudFormationStackSet', 'iam:PassRole', 'cloudformation:UpdateStackSet'),
  pathfinding('PassExistingRoleToNewCodeBuildProjectThenBuild', 'iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'),
  pathfinding('PassExistingRoleToNewCodeBuildProjectThenBuildBatch', 'iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuildBatch'),
  pathfinding('PassExistingRoleToNewEC2SpotInstance', 'iam:PassRole', 'ec2:RequestSpotInstances'),
  pathfinding('PassExistingRoleToNewECSClusterServiceTask', 'iam:PassRole', 'ecs:CreateCluster', 'ecs:RegisterTaskDefinition', 'ecs:CreateService'),
  pathfinding('PassExistingRoleToNewECSClusterRunTask', 'iam:PassRole', 'ecs:CreateCluster', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'),
  pathfinding('PassExistingRoleToNewECSService', 'iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:CreateService'),
  pathfinding('PassExistingRoleToNewECSTaskViaRunTask', 'iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'),
  pathfinding('PassExistingRoleToNewECSTaskViaStartTask', 'iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:StartTask'),
  pathfinding('PassExistingRoleToNewGlueJobThenRun', 'iam:PassRole', 'glue:CreateJob', 'glue:StartJobRun'),
  pathfinding('PassExistingRoleToNewGlueJobViaTrigger', 'iam:PassRole', 'glue:CreateJob', 'glue:CreateTrigger'),
  pathfinding('PassExistingRoleToUpdatedGlueJobThenRun', 'iam:PassRole', 'glue:UpdateJob', 'glue:StartJobRun'),
  pathfinding('PassExistingRoleToUpdatedGlueJobViaTrigger', 'iam:PassRole', 'glue:UpdateJob', 'glue:CreateTrigger'),
  pathfinding('PassExistingRoleToNewLambdaThenAddPermission', 'iam:PassRole', 'lambda:CreateFunction', 'lambda:AddPermission'),
  pathfinding('PassExistingRoleToNewSageMakerNotebookInstance', 'iam:PassRole', 'sagemaker:CreateNotebookInstance'),
  pathfinding('PassExistingRoleToNewSageMakerTrainingJob', 'iam:PassRole', 'sagemaker:CreateTrainingJob'),
  pathfinding('PassExistingRoleToNewSageMakerProcessingJob', 'iam:PassRole', 'sagemaker:CreateProcessingJob'),
  // pathfinding.cloud: principal access
  pathfinding('CreateAndRotateAccessKey', 'iam:CreateAccessKey', 'iam:DeleteAccessKey'),
  pathfinding('AttachUserPolicyThenCreateAccessKey', 'iam:AttachUserPolicy', 'iam:CreateAccessKey'),
  pathfinding('CreatePolicyVersionThenAssumeRole', 'iam:CreatePolicyVersion', 'sts:AssumeRole'),
  pathfinding('PutUserPolicyThenCreateAccessKey', 'iam:PutUserPolicy', 'iam:CreateAccessKey'),
  pathfinding('AttachRolePolicyThenUpdateAssumeRolePolicy', 'iam:AttachRolePolicy', 'iam:UpdateAssumeRolePolicy'),
  pathfinding('CreatePolicyVersionThenUpdateAssumeRolePolicy', 'iam:CreatePolicyVersion', 'iam:UpdateAssumeRolePolicy'),
  pathfinding('PutRolePolicyThenUpdateAssumeRolePolicy', 'iam:PutRolePolicy', 'iam:UpdateAssumeRolePolicy'),
];

/**
 * Actions whose response contains credentials. Source: parliament's CREDENTIALS_EXPOSURE auditor
 * (duo-labs/parliament, community_auditors/credentials_exposure.py, after kmcquade's gist), plus
 * ec2:GetPasswordData, which cloudsplaining's CredentialsExposure list names (catalogue §3). Left out:
 * connect:GetFederationTokens, iot:AssumeRoleWithCertificate and sso:GetRoleCredentials, which are not IAM
 * actions in the service-authorization data, so no policy can grant them by name.
 */
export const CREDENTIALS_EXPOSURE_ACTIONS: readonly string[] = [
  'codepipeline:PollForJobs',
  'cognito-idp:AssociateSoftwareToken',
  'cognito-identity:GetOpenIdToken',
  'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
  'cognito-identity:GetCredentialsForIdentity',
  'connect:GetFederationToken',
  'ec2:GetPasswordData',
  'ecr:GetAuthorizationToken',
  'gamelift:RequestUploadCredentials',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'iam:UpdateAccessKey',
  'lightsail:GetInstanceAccessDetails',
  'lightsail:GetRelationalDatabaseMasterUserPassword',
  'rds-db:connect',
  'redshift:GetClusterCredentials',
  'mediapackage:RotateIngestEndpointCredentials',
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:GetFederationToken',
  'sts:GetSessionToken',
];

/** Read actions with a history of data leaks. Source: cloudsplaining READ_ONLY_DATA_EXFILTRATION_ACTIONS. */
export const DATA_EXFILTRATION_ACTIONS: readonly string[] = [
  's3:GetObject',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'secretsmanager:GetSecretValue',
];

export interface SensitiveActionGroup {
  readonly service: string;
  /** AccessLevel bits that make an action of this service sensitive */
  readonly accessLevels: number;
  /** further actions of the service that are sensitive whatever their access level */
  readonly actions: readonly string[];
  readonly why: string;
}

/**
 * Default sensitive actions for SENSITIVE_ACTION_WITHOUT_CONDITION (catalogue S24, after boogy/iam-policy-validator's
 * sensitive-action check and parliament's SENSITIVE_ACCESS): IAM writes and PassRole, KMS key administration
 * and decryption, Secrets Manager secret access and changes, Organizations changes. `settings.sensitiveActions`
 * replaces this table with plain action patterns.
 */
export const DEFAULT_SENSITIVE_ACTIONS: readonly SensitiveActionGroup[] = [
  { service: 'iam', accessLevels: AccessLevel.Write | AccessLevel.PermissionsManagement, actions: ['iam:PassRole'], why: 'changes identities, credentials or permissions' },
  { service: 'kms', accessLevels: AccessLevel.PermissionsManagement, actions: ['kms:Decrypt', 'kms:ScheduleKeyDeletion', 'kms:DisableKey'], why: 'administers or uses encryption keys' },
  { service: 'secretsmanager', accessLevels: AccessLevel.Write | AccessLevel.PermissionsManagement, actions: ['secretsmanager:GetSecretValue', 'secretsmanager:BatchGetSecretValue'], why: 'reads or changes secrets' },
  { service: 'organizations', accessLevels: AccessLevel.Write | AccessLevel.PermissionsManagement, actions: [], why: 'changes the organization' },
];

/**
 * Condition keys that tie a sensitive grant to a second factor, a network, the organization or one AWS
 * service (catalogue S24): their presence in an Allow statement counts as "constrained".
 */
export const SENSITIVE_ACTION_GUARD_KEYS: readonly string[] = [
  'aws:MultiFactorAuthPresent',
  'aws:MultiFactorAuthAge',
  'aws:SourceIp',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'aws:VpcSourceIp',
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  // service-bound guards: a key used only through one AWS service, a role passed only to one service
  'kms:ViaService',
  'iam:PassedToService',
];

// Common AWS service principals (the values of "Principal": {"Service": ...}) with the service they belong to,
// for completion and hover. Not exhaustive and not a validity list: any well-formed service principal is
// accepted by the rules (see principals.ts isServicePrincipalFormat).

export interface ServicePrincipalInfo {
  readonly principal: string;
  readonly service: string;
  /** what the principal is usually trusted for */
  readonly use: string;
}

function sp(principal: string, service: string, use: string): ServicePrincipalInfo {
  return { principal, service, use };
}

export const COMMON_SERVICE_PRINCIPALS: readonly ServicePrincipalInfo[] = [
  sp('lambda.amazonaws.com', 'AWS Lambda', 'Lambda function execution roles'),
  sp('ec2.amazonaws.com', 'Amazon EC2', 'EC2 instance profiles'),
  sp('ecs-tasks.amazonaws.com', 'Amazon ECS', 'ECS task roles and task execution roles'),
  sp('ecs.amazonaws.com', 'Amazon ECS', 'the ECS service (service-linked use)'),
  sp('eks.amazonaws.com', 'Amazon EKS', 'EKS cluster roles'),
  sp('pods.eks.amazonaws.com', 'Amazon EKS', 'EKS Pod Identity'),
  sp('states.amazonaws.com', 'AWS Step Functions', 'state machine roles'),
  sp('events.amazonaws.com', 'Amazon EventBridge', 'rule targets and event bus access'),
  sp('scheduler.amazonaws.com', 'Amazon EventBridge Scheduler', 'schedule execution roles'),
  sp('apigateway.amazonaws.com', 'Amazon API Gateway', 'integrations and CloudWatch logging'),
  sp('sns.amazonaws.com', 'Amazon SNS', 'topic deliveries and SMS'),
  sp('sqs.amazonaws.com', 'Amazon SQS', 'queue access from other services'),
  sp('s3.amazonaws.com', 'Amazon S3', 'replication, notifications and inventory'),
  sp('logs.amazonaws.com', 'Amazon CloudWatch Logs', 'subscriptions and KMS use'),
  sp('cloudtrail.amazonaws.com', 'AWS CloudTrail', 'trail delivery to S3 and CloudWatch Logs'),
  sp('config.amazonaws.com', 'AWS Config', 'configuration recorder'),
  sp('cloudformation.amazonaws.com', 'AWS CloudFormation', 'stack service roles'),
  sp('codebuild.amazonaws.com', 'AWS CodeBuild', 'build project service roles'),
  sp('codepipeline.amazonaws.com', 'AWS CodePipeline', 'pipeline service roles'),
  sp('codedeploy.amazonaws.com', 'AWS CodeDeploy', 'deployment service roles'),
  sp('glue.amazonaws.com', 'AWS Glue', 'job and crawler roles'),
  sp('firehose.amazonaws.com', 'Amazon Data Firehose', 'delivery stream roles'),
  sp('kinesis.amazonaws.com', 'Amazon Kinesis', 'stream access'),
  sp('sagemaker.amazonaws.com', 'Amazon SageMaker', 'notebook, training and endpoint roles'),
  sp('bedrock.amazonaws.com', 'Amazon Bedrock', 'model customization and agent roles'),
  sp('elasticmapreduce.amazonaws.com', 'Amazon EMR', 'cluster service roles'),
  sp('batch.amazonaws.com', 'AWS Batch', 'compute environment service roles'),
  sp('rds.amazonaws.com', 'Amazon RDS', 'enhanced monitoring and integrations'),
  sp('monitoring.rds.amazonaws.com', 'Amazon RDS', 'enhanced monitoring'),
  sp('dynamodb.amazonaws.com', 'Amazon DynamoDB', 'streams and replication'),
  sp('ssm.amazonaws.com', 'AWS Systems Manager', 'managed instances and automation'),
  sp('secretsmanager.amazonaws.com', 'AWS Secrets Manager', 'rotation'),
  sp('kms.amazonaws.com', 'AWS KMS', 'key use by services'),
  sp('cloudfront.amazonaws.com', 'Amazon CloudFront', 'origin access control to S3'),
  sp('delivery.logs.amazonaws.com', 'Amazon CloudWatch Logs', 'vended log delivery'),
  sp('elasticloadbalancing.amazonaws.com', 'Elastic Load Balancing', 'access logs and service-linked use'),
  sp('autoscaling.amazonaws.com', 'Amazon EC2 Auto Scaling', 'service-linked use'),
  sp('application-autoscaling.amazonaws.com', 'Application Auto Scaling', 'scaling targets'),
  sp('backup.amazonaws.com', 'AWS Backup', 'backup plans'),
  sp('datasync.amazonaws.com', 'AWS DataSync', 'locations and tasks'),
  sp('transfer.amazonaws.com', 'AWS Transfer Family', 'server users'),
  sp('appsync.amazonaws.com', 'AWS AppSync', 'data sources'),
  sp('cognito-idp.amazonaws.com', 'Amazon Cognito user pools', 'SMS and email sending'),
  sp('iot.amazonaws.com', 'AWS IoT', 'rule actions'),
  sp('redshift.amazonaws.com', 'Amazon Redshift', 'COPY/UNLOAD and integrations'),
  sp('athena.amazonaws.com', 'Amazon Athena', 'query federation'),
  sp('vpc-flow-logs.amazonaws.com', 'Amazon VPC', 'flow log delivery'),
  sp('guardduty.amazonaws.com', 'Amazon GuardDuty', 'findings export'),
  sp('securityhub.amazonaws.com', 'AWS Security Hub', 'integrations'),
  sp('organizations.amazonaws.com', 'AWS Organizations', 'service-linked use'),
  sp('edgelambda.amazonaws.com', 'Lambda@Edge', 'function replicas (with lambda.amazonaws.com)'),
  sp('spotfleet.amazonaws.com', 'Amazon EC2 Spot Fleet', 'fleet roles'),
];

const BY_NAME = new Map(COMMON_SERVICE_PRINCIPALS.map((p) => [p.principal, p]));

/** Info for a known service principal, case-insensitively; undefined for the many we do not list. */
export function getServicePrincipal(principal: string): ServicePrincipalInfo | undefined {
  return BY_NAME.get(principal.toLowerCase());
}

// The AWS SAM policy templates (`Policies: [{S3ReadPolicy: {BucketName: …}}]` on AWS::Serverless::Function and
// StateMachine) as data: each template's statements with their actions and resource ARN forms, transcribed from
// the AWS SAM Developer Guide, "AWS SAM policy template list" (SAM_TEMPLATE_LIST_URL; each entry's anchor is its
// section there). `${Name}` is the template's parameter `Name`; `${AWS::…}` are the pseudo parameters SAM fills in.
// No SAM package with this data under a permissive licence is on the npm registry, hence our own table. Data only.

export const SAM_TEMPLATE_LIST_URL = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html';

export interface SamTemplateCondition {
  readonly operator: string;
  readonly key: string;
  /** an ARN form like the resources */
  readonly value: string;
}

export interface SamTemplateStatement {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly condition?: SamTemplateCondition;
}

export interface SamPolicyTemplate {
  /** the section of SAM_TEMPLATE_LIST_URL that documents the template */
  readonly anchor: string;
  /** undefined: a documented template this table does not expand (its name is still known) */
  readonly statements: readonly SamTemplateStatement[] | undefined;
}

const REGIONAL = 'arn:${AWS::Partition}:SERVICE:${AWS::Region}:${AWS::AccountId}:';
/** `arn:${AWS::Partition}:service:${AWS::Region}:${AWS::AccountId}:rest` */
const arn = (service: string, rest: string): string => REGIONAL.replace('SERVICE', service) + rest;
/** `service:A service:B …` from one prefix and the action names */
const act = (service: string, names: string): string[] => names.split(/\s+/).filter(Boolean).map((n) => `${service}:${n}`);
const stmt = (actions: string[], resources: string[], condition?: SamTemplateCondition): SamTemplateStatement => (condition ? { actions, resources, condition } : { actions, resources });
const t = (anchor: string, ...statements: SamTemplateStatement[]): SamPolicyTemplate => ({ anchor, statements });

const S3_BUCKET = 'arn:${AWS::Partition}:s3:::${BucketName}';
const S3_OBJECTS = 'arn:${AWS::Partition}:s3:::${BucketName}/*';
const TABLE = arn('dynamodb', 'table/${TableName}');
const TABLE_INDEXES = arn('dynamodb', 'table/${TableName}/index/*');
const EMR_CLUSTER = arn('elasticmapreduce', 'cluster/${ClusterId}');
const COLLECTION = arn('rekognition', 'collection/${CollectionId}');
const SES_IDENTITY = arn('ses', 'identity/${IdentityName}');

export const SAM_POLICY_TEMPLATES: Readonly<Record<string, SamPolicyTemplate>> = {
  AcmGetCertificatePolicy: t('acm-get-certificate-policy', stmt(act('acm', 'GetCertificate'), ['${CertificateArn}'])),
  AMIDescribePolicy: t('ami-describe-policy', stmt(act('ec2', 'DescribeImages'), ['*'])),
  AthenaQueryPolicy: t(
    'athena-query-policy',
    stmt(act('athena', 'ListWorkGroups GetExecutionEngine GetExecutionEngines GetNamespace GetCatalogs GetNamespaces GetTables GetTable'), ['*']),
    stmt(
      act('athena', 'StartQueryExecution GetQueryResults DeleteNamedQuery GetNamedQuery ListQueryExecutions StopQueryExecution GetQueryResultsStream ListNamedQueries CreateNamedQuery GetQueryExecution BatchGetNamedQuery BatchGetQueryExecution GetWorkGroup'),
      [arn('athena', 'workgroup/${WorkGroupName}')],
    ),
  ),
  AWSSecretsManagerGetSecretValuePolicy: t('secrets-manager-get-secret-value-policy', stmt(act('secretsmanager', 'GetSecretValue'), ['${SecretArn}'])),
  AWSSecretsManagerRotationPolicy: t(
    'secrets-manager-rotation-policy',
    stmt(act('secretsmanager', 'DescribeSecret GetSecretValue PutSecretValue UpdateSecretVersionStage'), [arn('secretsmanager', 'secret:*')], {
      operator: 'StringEquals',
      key: 'secretsmanager:resource/AllowRotationLambdaArn',
      value: arn('lambda', 'function:${FunctionName}'),
    }),
    stmt(act('secretsmanager', 'GetRandomPassword'), ['*']),
  ),
  CloudFormationDescribeStacksPolicy: t('cloud-formation-describe-stacks-policy', stmt(act('cloudformation', 'DescribeStacks'), [arn('cloudformation', 'stack/*')])),
  CloudWatchDashboardPolicy: t('cloudwatch-dashboard-policy', stmt(act('cloudwatch', 'GetDashboard ListDashboards PutDashboard ListMetrics'), ['*'])),
  CloudWatchDescribeAlarmHistoryPolicy: t('cloudwatch-describe-alarm-history-policy', stmt(act('cloudwatch', 'DescribeAlarmHistory'), ['*'])),
  CloudWatchPutMetricPolicy: t('cloudwatch-put-metric-policy', stmt(act('cloudwatch', 'PutMetricData'), ['*'])),
  CodePipelineLambdaExecutionPolicy: t('code-pipeline-lambda-execution-policy', stmt(act('codepipeline', 'PutJobSuccessResult PutJobFailureResult'), ['*'])),
  CodePipelineReadOnlyPolicy: t('code-pipeline-readonly-policy', stmt(act('codepipeline', 'ListPipelineExecutions'), [arn('codepipeline', '${PipelineName}')])),
  // the two CodeCommit templates grant some sixty actions each: known by name, not transcribed
  CodeCommitCrudPolicy: { anchor: 'codecommit-crud-policy', statements: undefined },
  CodeCommitReadPolicy: { anchor: 'codecommit-read-policy', statements: undefined },
  ComprehendBasicAccessPolicy: t(
    'comprehend-basic-access-policy',
    stmt(act('comprehend', 'BatchDetectKeyPhrases DetectDominantLanguage DetectEntities BatchDetectEntities DetectKeyPhrases DetectSentiment BatchDetectDominantLanguage BatchDetectSentiment'), ['*']),
  ),
  CostExplorerReadOnlyPolicy: t(
    'cost-explorer-readonly-policy',
    stmt(act('ce', 'GetCostAndUsage GetDimensionValues GetReservationCoverage GetReservationPurchaseRecommendation GetReservationUtilization GetTags'), ['*']),
  ),
  DynamoDBBackupFullAccessPolicy: t(
    'ddb-back-full-policy',
    stmt(act('dynamodb', 'CreateBackup DescribeContinuousBackups'), [TABLE]),
    stmt(act('dynamodb', 'DeleteBackup DescribeBackup ListBackups'), [arn('dynamodb', 'table/${TableName}/backup/*')]),
  ),
  DynamoDBCrudPolicy: t(
    'dynamo-db-crud-policy',
    stmt(act('dynamodb', 'GetItem DeleteItem PutItem Scan Query UpdateItem BatchWriteItem BatchGetItem DescribeTable ConditionCheckItem'), [TABLE, TABLE_INDEXES]),
  ),
  DynamoDBReadPolicy: t('dynamo-db-read-policy', stmt(act('dynamodb', 'GetItem Scan Query BatchGetItem DescribeTable'), [TABLE, TABLE_INDEXES])),
  DynamoDBReconfigurePolicy: t('dynamo-db-reconfigure-policy', stmt(act('dynamodb', 'UpdateTable'), [TABLE])),
  DynamoDBRestoreFromBackupPolicy: t(
    'ddb-restore-from-backup-policy',
    stmt(act('dynamodb', 'RestoreTableFromBackup'), [arn('dynamodb', 'table/${TableName}/backup/*')]),
    stmt(act('dynamodb', 'PutItem UpdateItem DeleteItem GetItem Query Scan BatchWriteItem'), [TABLE]),
  ),
  DynamoDBStreamReadPolicy: t(
    'dynamo-db-stream-read-policy',
    stmt(act('dynamodb', 'DescribeStream GetRecords GetShardIterator'), [arn('dynamodb', 'table/${TableName}/stream/${StreamName}')]),
    stmt(act('dynamodb', 'ListStreams'), [arn('dynamodb', 'table/${TableName}/stream/*')]),
  ),
  DynamoDBWritePolicy: t('dynamo-db-write-policy', stmt(act('dynamodb', 'PutItem UpdateItem BatchWriteItem'), [TABLE, TABLE_INDEXES])),
  EC2CopyImagePolicy: t('ec2-copy-image-policy', stmt(act('ec2', 'CopyImage'), [arn('ec2', 'image/${ImageId}')])),
  EC2DescribePolicy: t('ec2-describe-policy', stmt(act('ec2', 'DescribeRegions DescribeInstances'), ['*'])),
  EcsRunTaskPolicy: t('ecs-run-task-policy', stmt(act('ecs', 'RunTask'), [arn('ecs', 'task-definition/${TaskDefinition}')])),
  EFSWriteAccessPolicy: t(
    'efs-write-access-policy',
    stmt(act('elasticfilesystem', 'ClientMount ClientWrite'), [arn('elasticfilesystem', 'file-system/${FileSystem}')], {
      operator: 'StringEquals',
      key: 'elasticfilesystem:AccessPointArn',
      value: arn('elasticfilesystem', 'access-point/${AccessPoint}'),
    }),
  ),
  EKSDescribePolicy: t('eks-describe-policy', stmt(act('eks', 'DescribeCluster ListClusters'), ['*'])),
  ElasticMapReduceAddJobFlowStepsPolicy: t('elastic-map-reduce-add-job-flows-policy', stmt(act('elasticmapreduce', 'AddJobFlowSteps'), [EMR_CLUSTER])),
  ElasticMapReduceCancelStepsPolicy: t('elastic-map-reduce-cancel-steps-policy', stmt(act('elasticmapreduce', 'CancelSteps'), [EMR_CLUSTER])),
  ElasticMapReduceModifyInstanceFleetPolicy: t('elastic-map-reduce-modify-instance-fleet-policy', stmt(act('elasticmapreduce', 'ModifyInstanceFleet ListInstanceFleets'), [EMR_CLUSTER])),
  ElasticMapReduceModifyInstanceGroupsPolicy: t('elastic-map-reduce-modify-instance-groups-policy', stmt(act('elasticmapreduce', 'ModifyInstanceGroups ListInstanceGroups'), [EMR_CLUSTER])),
  ElasticMapReduceSetTerminationProtectionPolicy: t('elastic-map-reduce-set-termination-protection-policy', stmt(act('elasticmapreduce', 'SetTerminationProtection'), [EMR_CLUSTER])),
  ElasticMapReduceTerminateJobFlowsPolicy: t('elastic-map-reduce-terminate-job-flows-policy', stmt(act('elasticmapreduce', 'TerminateJobFlows'), [EMR_CLUSTER])),
  ElasticsearchHttpPostPolicy: t('elastic-search-http-post-policy', stmt(act('es', 'ESHttpPost ESHttpPut'), [arn('es', 'domain/${DomainName}/*')])),
  EventBridgePutEventsPolicy: t('eventbridge-put-events-policy', stmt(act('events', 'PutEvents'), [arn('events', 'event-bus/${EventBusName}')])),
  FilterLogEventsPolicy: t('filter-log-events-policy', stmt(act('logs', 'FilterLogEvents'), [arn('logs', 'log-group:${LogGroupName}:log-stream:*')])),
  FirehoseCrudPolicy: t(
    'firehose-crud-policy',
    stmt(act('firehose', 'CreateDeliveryStream DeleteDeliveryStream DescribeDeliveryStream PutRecord PutRecordBatch UpdateDestination'), [arn('firehose', 'deliverystream/${DeliveryStreamName}')]),
  ),
  FirehoseWritePolicy: t('firehose-write-policy', stmt(act('firehose', 'PutRecord PutRecordBatch'), [arn('firehose', 'deliverystream/${DeliveryStreamName}')])),
  KinesisCrudPolicy: t(
    'kinesis-crud-policy',
    stmt(
      act('kinesis', 'AddTagsToStream CreateStream DecreaseStreamRetentionPeriod DeleteStream DescribeStream DescribeStreamSummary GetShardIterator IncreaseStreamRetentionPeriod ListTagsForStream MergeShards PutRecord PutRecords SplitShard RemoveTagsFromStream'),
      [arn('kinesis', 'stream/${StreamName}')],
    ),
  ),
  KinesisStreamReadPolicy: t(
    'kinesis-stream-read-policy',
    stmt(act('kinesis', 'ListStreams DescribeLimits'), [arn('kinesis', 'stream/*')]),
    stmt(act('kinesis', 'DescribeStream DescribeStreamSummary GetRecords GetShardIterator'), [arn('kinesis', 'stream/${StreamName}')]),
  ),
  KMSDecryptPolicy: t('kms-decrypt-policy', stmt(act('kms', 'Decrypt'), [arn('kms', 'key/${KeyId}')])),
  KMSEncryptPolicy: t('kms-encrypt-policy', stmt(act('kms', 'Encrypt'), [arn('kms', 'key/${KeyId}')])),
  LambdaInvokePolicy: t('lambda-invoke-policy', stmt(act('lambda', 'InvokeFunction'), [arn('lambda', 'function:${FunctionName}*')])),
  MobileAnalyticsWriteOnlyAccessPolicy: t('mobile-analytics-write-only-access-policy', stmt(act('mobileanalytics', 'PutEvents'), ['*'])),
  OrganizationsListAccountsPolicy: t('organizations-list-accounts-policy', stmt(act('organizations', 'ListAccounts'), ['*'])),
  PinpointEndpointAccessPolicy: t(
    'pinpoint-endpoint-access-policy',
    stmt(act('mobiletargeting', 'GetEndpoint UpdateEndpoint UpdateEndpointsBatch'), [arn('mobiletargeting', 'apps/${PinpointApplicationId}/endpoints/*')]),
  ),
  PollyFullAccessPolicy: t(
    'polly-full-access-policy',
    stmt(act('polly', 'GetLexicon DeleteLexicon'), [arn('polly', 'lexicon/${LexiconName}')]),
    stmt(act('polly', 'DescribeVoices ListLexicons PutLexicon SynthesizeSpeech'), [arn('polly', 'lexicon/*')]),
  ),
  RekognitionDetectOnlyPolicy: t('rekognition-detect-only-policy', stmt(act('rekognition', 'DetectFaces DetectLabels DetectModerationLabels DetectText'), ['*'])),
  RekognitionFacesManagementPolicy: t('rekognition-face-management-policy', stmt(act('rekognition', 'IndexFaces DeleteFaces SearchFaces SearchFacesByImage ListFaces'), [COLLECTION])),
  RekognitionFacesPolicy: t('rekognition-faces-policy', stmt(act('rekognition', 'CompareFaces DetectFaces'), ['*'])),
  RekognitionLabelsPolicy: t('rekognition-labels-policy', stmt(act('rekognition', 'DetectLabels DetectModerationLabels'), ['*'])),
  RekognitionNoDataAccessPolicy: t('rekognition-no-data-access-policy', stmt(act('rekognition', 'CompareFaces DetectFaces DetectLabels DetectModerationLabels'), [COLLECTION])),
  RekognitionReadPolicy: t('rekognition-read-policy', stmt(act('rekognition', 'ListCollections ListFaces SearchFaces SearchFacesByImage'), [COLLECTION])),
  RekognitionWriteOnlyAccessPolicy: t('rekognition-write-only-access-policy', stmt(act('rekognition', 'CreateCollection IndexFaces'), [COLLECTION])),
  Route53ChangeResourceRecordSetsPolicy: t('route53-change-resource-record-sets-policy', stmt(act('route53', 'ChangeResourceRecordSets'), ['arn:${AWS::Partition}:route53:::hostedzone/${HostedZoneId}'])),
  S3CrudPolicy: t(
    's3-crud-policy',
    stmt(act('s3', 'GetObject ListBucket GetBucketLocation GetObjectVersion PutObject PutObjectAcl GetLifecycleConfiguration PutLifecycleConfiguration DeleteObject'), [S3_BUCKET, S3_OBJECTS]),
  ),
  S3FullAccessPolicy: t(
    's3-full-access-policy',
    stmt(
      act('s3', 'GetObject GetObjectAcl GetObjectVersion PutObject PutObjectAcl DeleteObject DeleteObjectTagging DeleteObjectVersionTagging GetObjectTagging GetObjectVersionTagging PutObjectTagging PutObjectVersionTagging'),
      [S3_OBJECTS],
    ),
    stmt(act('s3', 'ListBucket GetBucketLocation GetLifecycleConfiguration PutLifecycleConfiguration'), [S3_BUCKET]),
  ),
  S3ReadPolicy: t('s3-read-policy', stmt(act('s3', 'GetObject ListBucket GetBucketLocation GetObjectVersion GetLifecycleConfiguration'), [S3_BUCKET, S3_OBJECTS])),
  S3WritePolicy: t('s3-write-policy', stmt(act('s3', 'PutObject PutObjectAcl PutLifecycleConfiguration'), [S3_BUCKET, S3_OBJECTS])),
  SageMakerCreateEndpointConfigPolicy: t('sagemaker-create-endpoint-config-policy', stmt(act('sagemaker', 'CreateEndpointConfig'), [arn('sagemaker', 'endpoint-config/${EndpointConfigName}')])),
  SageMakerCreateEndpointPolicy: t('sagemaker-create-endpoint-policy', stmt(act('sagemaker', 'CreateEndpoint'), [arn('sagemaker', 'endpoint/${EndpointName}')])),
  ServerlessRepoReadWriteAccessPolicy: t(
    'serverlessrepo-read-write-access-policy',
    stmt(act('serverlessrepo', 'CreateApplication CreateApplicationVersion GetApplication ListApplications ListApplicationVersions'), [arn('serverlessrepo', 'applications/*')]),
  ),
  SESBulkTemplatedCrudPolicy: t(
    'ses-bulk-templated-crud-policy',
    stmt(act('ses', 'GetIdentityVerificationAttributes SendEmail SendRawEmail SendTemplatedEmail SendBulkTemplatedEmail VerifyEmailIdentity'), [SES_IDENTITY]),
  ),
  SESCrudPolicy: t('ses-crud-policy', stmt(act('ses', 'GetIdentityVerificationAttributes SendEmail SendRawEmail VerifyEmailIdentity'), [SES_IDENTITY])),
  SESEmailTemplateCrudPolicy: t('ses-email-template-crud-policy', stmt(act('ses', 'CreateTemplate GetTemplate ListTemplates UpdateTemplate DeleteTemplate TestRenderTemplate'), ['*'])),
  SESSendBouncePolicy: t('ses-send-bounce-policy', stmt(act('ses', 'SendBounce'), [SES_IDENTITY])),
  SNSCrudPolicy: t('sns-crud-policy', stmt(act('sns', 'ListSubscriptionsByTopic CreateTopic SetTopicAttributes Subscribe Publish'), [arn('sns', '${TopicName}*')])),
  SNSPublishMessagePolicy: t('sqs-publish-message-policy', stmt(act('sns', 'Publish'), [arn('sns', '${TopicName}')])),
  SQSPollerPolicy: t(
    'sqs-poller-policy',
    stmt(act('sqs', 'ChangeMessageVisibility ChangeMessageVisibilityBatch DeleteMessage DeleteMessageBatch GetQueueAttributes ReceiveMessage'), [arn('sqs', '${QueueName}')]),
  ),
  SQSSendMessagePolicy: t('sqs-send-message-policy', stmt(act('sqs', 'SendMessage*'), [arn('sqs', '${QueueName}')])),
  SSMParameterReadPolicy: t(
    'ssm-parameter-read-policy',
    stmt(act('ssm', 'DescribeParameters'), ['*']),
    stmt(act('ssm', 'GetParameters GetParameter GetParametersByPath'), [arn('ssm', 'parameter/${ParameterName}')]),
  ),
  SSMParameterWithSlashPrefixReadPolicy: t(
    'ssm-parameter-slash-read-policy',
    stmt(act('ssm', 'DescribeParameters'), ['*']),
    stmt(act('ssm', 'GetParameters GetParameter GetParametersByPath'), [arn('ssm', 'parameter${ParameterName}')]),
  ),
  StepFunctionsExecutionPolicy: t('stepfunctions-execution-policy', stmt(act('states', 'StartExecution'), [arn('states', 'stateMachine:${StateMachineName}')])),
  TextractDetectAnalyzePolicy: t('textract-detect-analyze-policy', stmt(act('textract', 'DetectDocumentText StartDocumentTextDetection StartDocumentAnalysis AnalyzeDocument'), ['*'])),
  TextractGetResultPolicy: t('textract-get-result-policy', stmt(act('textract', 'GetDocumentTextDetection GetDocumentAnalysis'), ['*'])),
  TextractPolicy: t('textract-policy', stmt(act('textract', '*'), ['*'])),
  VPCAccessPolicy: t('vpc-access-policy', stmt(act('ec2', 'CreateNetworkInterface DeleteNetworkInterface DescribeNetworkInterfaces DetachNetworkInterface'), ['*'])),
};

/** The parameters a template takes: every `${Name}` its statements use that is not a pseudo parameter. */
export function samTemplateParameters(template: SamPolicyTemplate): string[] {
  const names = new Set<string>();
  for (const s of template.statements ?? []) {
    for (const text of [...s.resources, ...(s.condition ? [s.condition.value] : [])]) {
      for (const m of text.matchAll(/\$\{([^}]+)\}/g)) if (!m[1]!.startsWith('AWS::')) names.add(m[1]!);
    }
  }
  return [...names];
}

// A readable example of an ARN template for messages: "arn:${Partition}:s3:::${BucketName}/${ObjectName}" ->
// "arn:aws:s3:::BUCKET_NAME/OBJECT_NAME". Messages only; quick-fix data keep the template itself.

const FIXED: Readonly<Record<string, string>> = { Partition: 'aws', Region: 'us-east-1', Account: '123456789012' };

const examples = new Map<string, string>();

export function arnExample(template: string): string {
  let hit = examples.get(template);
  if (hit === undefined) {
    hit = template.replace(/\$\{([A-Za-z0-9]+)\}/g, (_m, name: string) => FIXED[name] ?? upperSnake(name));
    // the set of templates is the catalog's (a few thousand), so this never grows with user input
    examples.set(template, hit);
  }
  return hit;
}

/** "BucketName" -> "BUCKET_NAME", "DBInstanceName" -> "DB_INSTANCE_NAME", "RoleNameWithPath" -> "ROLE_NAME_WITH_PATH". */
function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toUpperCase();
}

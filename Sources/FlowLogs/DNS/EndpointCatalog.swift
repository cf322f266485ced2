/// The table DNS name → endpoint service, kept as data: each rule is a name pattern, what it maps
/// to and where that comes from. The first rule that matches wins; `EndpointCatalog+Matching.swift`
/// reads the patterns.
///
/// Patterns are DNS labels, matched whole from the right: a literal label, `*` (one or more
/// labels, first only), or a label with one placeholder: `{region}` (`us-east-1`, `us-gov-west-1`,
/// `cn-north-1`…), `{n}` (digits) or `{service}` (a label of `serviceLabels`, optionally with
/// `-fips`).
public enum EndpointCatalog {
    /// One row of the table.
    struct Rule: Sendable {
        let pattern: String
        let kind: EndpointService.Kind
        /// The endpoint's service part; `nil` with `{service}` (taken from `serviceLabels`) or
        /// without an endpoint.
        let service: String?
        /// A fixed region (legacy global S3 names are served from us-east-1).
        var region: String? = nil
        var note: String? = nil
        let source: Source
    }

    /// Where a rule comes from (AWS documentation titles, as of 2026).
    enum Source: String, Sendable {
        case privateLink = "AWS PrivateLink Guide, 'AWS services that integrate with AWS PrivateLink'"
        case ecr = "Amazon ECR User Guide, 'Amazon ECR interface VPC endpoints'; AWS General Reference, 'Amazon ECR endpoints and quotas'"
        case ecs = "Amazon ECS Developer Guide, 'Amazon ECS interface VPC endpoints'"
        case s3 = "Amazon S3 User Guide, 'Virtual hosting of buckets', 'Dual-stack endpoints'; Amazon VPC, 'Gateway endpoints for Amazon S3'"
        case dynamoDB = "Amazon VPC, 'Gateway endpoints for Amazon DynamoDB'; Amazon DynamoDB Developer Guide, 'Account-based endpoints'"
        case sts = "IAM User Guide, 'Manage AWS STS in an AWS Region' (global and Regional STS endpoints)"
        case global = "AWS General Reference, 'AWS service endpoints' (global endpoints)"
        case apiGateway = "Amazon API Gateway Developer Guide, 'Private REST APIs' (execute-api interface endpoints)"
        case lambda = "AWS Lambda Developer Guide, 'Lambda function URLs' (not carried by interface endpoints)"
        case naming = "AWS SDKs and Tools Reference Guide, 'Dual-stack and FIPS endpoints' (SERVICE.REGION.amazonaws.com, SERVICE-fips…, SERVICE.REGION.api.aws)"
        case none = "flowscan: a name under an AWS domain that no rule of this table names"
    }

    static let ecrLayers = "ECR image layers: served from S3, which a gateway endpoint carries for free"
    static let ecrBothNeeded = "an ECR pull needs both com.amazonaws.REGION.ecr.api and com.amazonaws.REGION.ecr.dkr (and the S3 gateway endpoint for the layers)"

    /// The rules, most specific first.
    static let rules: [Rule] = [
        // Amazon S3: gateway endpoint. ECR layers come from S3 buckets (prod-REGION-starport-layer-bucket).
        Rule(pattern: "prod-{region}-starport-layer-bucket.s3.{region}.amazonaws.com", kind: .gateway, service: "s3", note: ecrLayers, source: .ecr),
        Rule(pattern: "*.s3.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "s3.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "*.s3.dualstack.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "s3.dualstack.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "*.s3-fips.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "s3-fips.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "*.s3-fips.dualstack.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "s3-fips.dualstack.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "s3-r-w.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "s3-r-w.dualstack.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "*.s3-accesspoint.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "*.s3-accesspoint.dualstack.{region}.amazonaws.com", kind: .gateway, service: "s3", source: .s3),
        Rule(pattern: "*.s3-{region}.amazonaws.com", kind: .gateway, service: "s3", note: "legacy S3 name (s3-REGION)", source: .s3),
        Rule(pattern: "s3-{region}.amazonaws.com", kind: .gateway, service: "s3", note: "legacy S3 name (s3-REGION)", source: .s3),
        Rule(pattern: "*.s3.amazonaws.com", kind: .gateway, service: "s3", region: "us-east-1", note: "legacy global S3 name, served from us-east-1", source: .s3),
        Rule(pattern: "s3.amazonaws.com", kind: .gateway, service: "s3", region: "us-east-1", note: "legacy global S3 name, served from us-east-1", source: .s3),
        Rule(pattern: "*.s3-external-1.amazonaws.com", kind: .gateway, service: "s3", region: "us-east-1", source: .s3),
        Rule(pattern: "s3-external-1.amazonaws.com", kind: .gateway, service: "s3", region: "us-east-1", source: .s3),
        // Amazon DynamoDB: gateway endpoint.
        Rule(pattern: "dynamodb.{region}.amazonaws.com", kind: .gateway, service: "dynamodb", source: .dynamoDB),
        Rule(pattern: "dynamodb-fips.{region}.amazonaws.com", kind: .gateway, service: "dynamodb", source: .dynamoDB),
        Rule(pattern: "*.ddb.{region}.amazonaws.com", kind: .gateway, service: "dynamodb", note: "account-based DynamoDB endpoint", source: .dynamoDB),
        Rule(pattern: "dynamodb.{region}.api.aws", kind: .gateway, service: "dynamodb", source: .dynamoDB),
        // Amazon ECR: two interface endpoints.
        Rule(pattern: "api.ecr.{region}.amazonaws.com", kind: .interface, service: "ecr.api", note: ecrBothNeeded, source: .ecr),
        Rule(pattern: "ecr.{region}.amazonaws.com", kind: .interface, service: "ecr.api",
             note: "through an interface endpoint clients must call api.ecr.REGION.amazonaws.com, not ecr.REGION", source: .ecr),
        Rule(pattern: "ecr-fips.{region}.amazonaws.com", kind: .interface, service: "ecr.api", source: .ecr),
        Rule(pattern: "ecr.{region}.api.aws", kind: .interface, service: "ecr.api", source: .ecr),
        Rule(pattern: "ecr-fips.{region}.api.aws", kind: .interface, service: "ecr.api", source: .ecr),
        Rule(pattern: "*.dkr.ecr.{region}.amazonaws.com", kind: .interface, service: "ecr.dkr", note: ecrBothNeeded, source: .ecr),
        Rule(pattern: "dkr.ecr.{region}.amazonaws.com", kind: .interface, service: "ecr.dkr", source: .ecr),
        Rule(pattern: "*.dkr.ecr-fips.{region}.amazonaws.com", kind: .interface, service: "ecr.dkr", source: .ecr),
        Rule(pattern: "dkr.ecr-fips.{region}.amazonaws.com", kind: .interface, service: "ecr.dkr", source: .ecr),
        Rule(pattern: "*.dkr-ecr.{region}.on.aws", kind: .interface, service: "ecr.dkr", source: .ecr),
        Rule(pattern: "dkr-ecr.{region}.on.aws", kind: .interface, service: "ecr.dkr", source: .ecr),
        Rule(pattern: "*.dkr-ecr-fips.{region}.on.aws", kind: .interface, service: "ecr.dkr", source: .ecr),
        Rule(pattern: "dkr-ecr-fips.{region}.on.aws", kind: .interface, service: "ecr.dkr", source: .ecr),
        // Amazon ECS: the API, the agent's and the telemetry endpoints.
        Rule(pattern: "ecs-a-{n}.{region}.amazonaws.com", kind: .interface, service: "ecs-agent", source: .ecs),
        Rule(pattern: "ecs-t-{n}.{region}.amazonaws.com", kind: .interface, service: "ecs-telemetry", source: .ecs),
        // Names that are not SERVICE.REGION.
        Rule(pattern: "*.execute-api.{region}.amazonaws.com", kind: .interface, service: "execute-api",
             note: "the execute-api endpoint serves private APIs; with its private DNS on, the VPC can no longer reach public API Gateway APIs by their default names", source: .apiGateway),
        Rule(pattern: "*.lambda-url.{region}.on.aws", kind: .noEndpointKnown, service: nil, note: "Lambda function URLs are not carried by interface endpoints", source: .lambda),
        Rule(pattern: "api.sagemaker.{region}.amazonaws.com", kind: .interface, service: "sagemaker.api", source: .privateLink),
        Rule(pattern: "runtime.sagemaker.{region}.amazonaws.com", kind: .interface, service: "sagemaker.runtime", source: .privateLink),
        Rule(pattern: "*.d.codeartifact.{region}.amazonaws.com", kind: .interface, service: "codeartifact.repositories", source: .privateLink),
        Rule(pattern: "codeartifact.{region}.amazonaws.com", kind: .interface, service: "codeartifact.api", source: .privateLink),
        Rule(pattern: "{region}.queue.amazonaws.com", kind: .interface, service: "sqs",
             note: "legacy SQS name: the endpoint's private DNS answers sqs.REGION.amazonaws.com; move the client to that name", source: .privateLink),
        Rule(pattern: "queue.amazonaws.com", kind: .interface, service: "sqs", region: "us-east-1",
             note: "legacy SQS name: the endpoint's private DNS answers sqs.REGION.amazonaws.com; move the client to that name", source: .privateLink),
        // Global names: no endpoint in the VPC's region carries them.
        Rule(pattern: "sts.amazonaws.com", kind: .global, service: nil, region: "us-east-1",
             note: "the global STS endpoint: set AWS_STS_REGIONAL_ENDPOINTS=regional (or sts_regional_endpoints in the SDK config) so that calls go to sts.REGION.amazonaws.com, which com.amazonaws.REGION.sts carries", source: .sts),
        Rule(pattern: "iam.amazonaws.com", kind: .global, service: nil, region: "us-east-1", source: .global),
        Rule(pattern: "route53.amazonaws.com", kind: .global, service: nil, region: "us-east-1", source: .global),
        Rule(pattern: "cloudfront.amazonaws.com", kind: .global, service: nil, region: "us-east-1", source: .global),
        Rule(pattern: "organizations.us-east-1.amazonaws.com", kind: .global, service: nil, region: "us-east-1", source: .global),
        // SERVICE.REGION in every spelling.
        Rule(pattern: "{service}.{region}.amazonaws.com", kind: .interface, service: nil, source: .privateLink),
        Rule(pattern: "{service}.{region}.api.aws", kind: .interface, service: nil, source: .naming),
        Rule(pattern: "{service}.dualstack.{region}.amazonaws.com", kind: .interface, service: nil, source: .naming),
        Rule(pattern: "{service}.{region}.amazonaws.com.cn", kind: .interface, service: nil, source: .privateLink),
        // Anything else under an AWS domain is shown as it is.
        Rule(pattern: "*.amazonaws.com", kind: .noEndpointKnown, service: nil, source: .none),
        Rule(pattern: "*.amazonaws.com.cn", kind: .noEndpointKnown, service: nil, source: .none),
        Rule(pattern: "*.api.aws", kind: .noEndpointKnown, service: nil, source: .none),
        Rule(pattern: "*.on.aws", kind: .noEndpointKnown, service: nil, source: .none),
    ]

    /// First DNS label of `SERVICE.REGION.amazonaws.com` → the endpoint's service part (most are
    /// the label itself; Kinesis and Firehose are not). Source: the PrivateLink Guide's list.
    static let serviceLabels: [String: String] = {
        var labels: [String: String] = [:]
        for same in ["sts", "logs", "monitoring", "secretsmanager", "ssm", "ssmmessages", "ec2messages", "sqs", "sns",
                     "kms", "events", "lambda", "ecs", "elasticloadbalancing", "autoscaling", "application-autoscaling",
                     "xray", "athena", "glue", "states", "sync-states", "bedrock", "bedrock-runtime", "bedrock-agent",
                     "bedrock-agent-runtime", "ec2", "ebs", "elasticfilesystem", "cloudformation", "cloudtrail", "config",
                     "codebuild", "codedeploy", "codepipeline", "codecommit", "git-codecommit", "rds", "rds-data",
                     "redshift", "redshift-data", "elasticache", "elasticmapreduce", "eks", "eks-auth", "servicediscovery",
                     "appconfig", "appconfigdata", "acm-pca", "textract", "comprehend", "rekognition", "translate",
                     "transcribe", "polly", "email-smtp", "email", "backup", "datasync", "cognito-idp", "cognito-identity",
                     "apigateway", "ssm-contacts", "ssm-incidents", "aps-workspaces", "kafka", "es", "ram",
                     "access-analyzer", "securityhub", "guardduty-data", "inspector2", "macie2", "synthetics",
                     "schemas", "pipes", "scheduler", "emr-containers", "emr-serverless", "batch",
                     "appmesh-envoy-management", "app-integrations", "license-manager", "servicecatalog",
                     "storagegateway", "transfer", "workspaces", "dms", "glacier", "cassandra"] {
            labels[same] = same
        }
        labels["kinesis"] = "kinesis-streams"
        labels["firehose"] = "kinesis-firehose"
        labels["ecr"] = "ecr.api"
        return labels
    }()
}

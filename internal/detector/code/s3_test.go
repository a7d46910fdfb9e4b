package code

import (
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
)

// TestS3Endpoint: the one rule that names an S3 client's target, with
// its lookalikes.
func TestS3Endpoint(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            S3Target
		vendor          string
	}{
		{"no endpoint: Amazon", "lib/s3.ts", "import { S3Client } from '@aws-sdk/client-s3'\nexport const s3 = new S3Client({ region: process.env.AWS_REGION })\n", S3Amazon, ""},
		{"an amazonaws host: Amazon", "lib/s3.ts", "import { S3Client } from '@aws-sdk/client-s3'\nexport const s3 = new S3Client({ endpoint: 'https://s3.eu-west-1.amazonaws.com' })\n", S3Amazon, ""},
		{"an endpoint that overrides nothing: Amazon", "lib/s3.ts", "import { S3Client } from '@aws-sdk/client-s3'\nexport const s3 = new S3Client({ endpoint: undefined, region })\n", S3Amazon, ""},
		{"an endpoint from settings may be unset: Amazon", "lib/s3.ts", "import { S3Client } from '@aws-sdk/client-s3'\nexport const s3 = new S3Client({ endpoint: config.s3.endpoint, forcePathStyle: true })\n", S3Amazon, ""},
		{"an optional override: Amazon when unset", "lib/s3.ts", "import { S3Client } from '@aws-sdk/client-s3'\nexport const s3 = new S3Client({ endpoint: process.env.S3_ENDPOINT || undefined })\n", S3Amazon, ""},
		{"a setting with a default of the product's own: S3-compatible", "lib/s3.ts", "import { S3Client } from '@aws-sdk/client-s3'\nexport const s3 = new S3Client({ endpoint: process.env.S3_ENDPOINT || 'http://minio:9000' })\n", S3Compatible, ""},
		{"boto3 with an optional setting: Amazon", "app/files.py", "import boto3\nimport os\ns3 = boto3.client('s3', endpoint_url=os.getenv('S3_ENDPOINT_URL'))\n", S3Amazon, ""},
		{"boto3 with a local default: S3-compatible", "app/files.py", "import boto3\nimport os\ns3 = boto3.client('s3', endpoint_url=os.getenv('S3_ENDPOINT_URL', 'http://localhost:9000'))\n", S3Compatible, ""},
		{"Go BaseEndpoint from settings: Amazon when unset", "store/s3.go", "package s3\n\nimport \"github.com/aws/aws-sdk-go-v2/service/s3\"\n\nfunc New(cfg aws.Config, c Config) *s3.Client {\n\treturn s3.NewFromConfig(cfg, func(o *s3.Options) {\n\t\to.BaseEndpoint = aws.String(c.Endpoint)\n\t})\n}\n", S3Amazon, ""},
		{"boto3 at the product's own MinIO", "app/files.py", "import boto3\ns3 = boto3.client('s3', endpoint_url='http://minio:9000')\n", S3Compatible, ""},
		{"django-storages at a setting's default of its own", "site/settings.py", "STORAGES = {'default': {'BACKEND': 'storages.backends.s3boto3.S3Boto3Storage'}}\nAWS_S3_ENDPOINT_URL = env.str('AWS_S3_ENDPOINT_URL', default='http://garage:3900')\n", S3Compatible, ""},
		{"django-storages with no endpoint: Amazon", "site/settings.py", "STORAGES = {'default': {'BACKEND': 'storages.backends.s3.S3Storage'}}\nAWS_STORAGE_BUCKET_NAME = 'media'\n", S3Amazon, ""},
		{"a vendor's setting: that vendor", "app/files.py", "import boto3\nimport os\ns3 = boto3.client('s3', endpoint_url=os.environ['R2_ENDPOINT'])\n", S3Vendor, "cloudflare-r2"},
		{"Go client made only when the endpoint is set: S3-compatible", "blob/s3.go", "package s3\n\nimport \"github.com/aws/aws-sdk-go/service/s3\"\n\nfunc Init(c Config) {\n\tif c.Blob.EndpointURL != \"\" {\n\t\tcfg := &aws.Config{Endpoint: aws.String(c.Blob.EndpointURL), Region: aws.String(c.Blob.Region)}\n\t\tsess, _ := session.NewSession(cfg)\n\t\tClient = s3.New(sess)\n\t}\n}\n", S3Compatible, ""},
		{"lookalike: Go guard that only sets the endpoint, client made after it: Amazon", "blob/s3.go", "package s3\n\nimport \"github.com/aws/aws-sdk-go/service/s3\"\n\nfunc Init(c Config) {\n\tcfg := &aws.Config{Region: aws.String(c.Blob.Region)}\n\tif c.Blob.EndpointURL != \"\" {\n\t\tcfg.Endpoint = aws.String(c.Blob.EndpointURL)\n\t}\n\tsess, _ := session.NewSession(cfg)\n\tClient = s3.New(sess)\n}\n", S3Amazon, ""},
		{"Python client made only under the endpoint: S3-compatible", "app/files.py", "import boto3\nif settings.S3_ENDPOINT:\n    s3 = boto3.client('s3', endpoint_url=settings.S3_ENDPOINT)\n", S3Compatible, ""},
		{"lookalike: Python client after the guarded block: Amazon", "app/files.py", "import boto3\nkw = {}\nif settings.S3_ENDPOINT:\n    kw['endpoint_url'] = settings.S3_ENDPOINT\ns3 = boto3.client('s3', **kw)\n", S3Amazon, ""},
		{"s3mini with an endpoint that defaults to Amazon's host: Amazon", "lib/s3.ts", "import { S3mini } from 's3mini'\nexport const c = new S3mini({ accessKeyId, endpoint: endpoint ?? `https://s3.${region}.amazonaws.com` })\n", S3Amazon, ""},
		{"Java v2 builder always handed a setting: S3-compatible", "src/main/java/app/S3Config.java", "import software.amazon.awssdk.services.s3.S3Client;\nclass S3Config {\n  S3Client s3() {\n    return S3Client.builder().region(Region.of(region))\n      .endpointOverride(URI.create(endPoint))\n      .build();\n  }\n}\n", S3Compatible, ""},
		{"Java v1 builder always handed a setting: S3-compatible", "src/main/java/app/S3Config.java", "import com.amazonaws.services.s3.AmazonS3ClientBuilder;\nclass S3Config {\n  AmazonS3 s3() {\n    return AmazonS3ClientBuilder.standard()\n      .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(props.getEndpoint(), props.getRegion()))\n      .build();\n  }\n}\n", S3Compatible, ""},
		{"lookalike: Java builder at an amazonaws host: Amazon", "src/main/java/app/S3Config.java", "import software.amazon.awssdk.services.s3.S3Client;\nclass S3Config {\n  S3Client s3() {\n    return S3Client.builder().endpointOverride(URI.create(\"https://s3.eu-west-1.amazonaws.com\")).build();\n  }\n}\n", S3Amazon, ""},
		{"lookalike: Java override only when the setting is given: Amazon", "src/main/java/app/S3Config.java", "import software.amazon.awssdk.services.s3.S3Client;\nclass S3Config {\n  S3Client s3() {\n    S3ClientBuilder b = S3Client.builder().region(Region.of(region));\n    if (endpoint != null) {\n      b.endpointOverride(URI.create(endpoint));\n    }\n    return b.build();\n  }\n}\n", S3Amazon, ""},
		{"lookalike: Java builder with no override: Amazon", "src/main/java/app/S3Config.java", "import software.amazon.awssdk.services.s3.S3Client;\nclass S3Config {\n  S3Client s3() {\n    return S3Client.builder().region(Region.of(region)).build();\n  }\n}\n", S3Amazon, ""},
		{"commands only: the client is another file's", "lib/put.ts", "import { PutObjectCommand } from '@aws-sdk/client-s3'\nexport const put = (k) => s3.send(new PutObjectCommand({ Bucket: b, Key: k }))\n", S3Unset, ""},
		{"lookalike: another API's endpoint key in a file that makes no client", "lib/put.ts", "import { PutObjectCommand } from '@aws-sdk/client-s3'\nconst api = { endpoint: process.env.API_URL }\nexport const put = (k) => s3.send(new PutObjectCommand({ Key: k }))\n", S3Unset, ""},
		{"lookalike: an endpoint with no S3 SDK", "lib/api.ts", "export const api = new Client({ endpoint: process.env.API_URL })\n", S3None, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := lang.Of(tt.path)
			src := lang.StripComments(l, []byte(tt.src))
			got, v, _ := S3Endpoint(Uses(l, src), src)
			if got != tt.want {
				t.Errorf("target = %d, want %d", got, tt.want)
			}
			if id := ""; v != nil || tt.vendor != "" {
				if v != nil {
					id = v.ID
				}
				if id != tt.vendor {
					t.Errorf("vendor = %q, want %q", id, tt.vendor)
				}
			}
		})
	}
}

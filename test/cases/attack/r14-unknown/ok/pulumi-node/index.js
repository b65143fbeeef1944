const aws = require("@pulumi/aws");
exports.bucket = new aws.s3.Bucket("b");

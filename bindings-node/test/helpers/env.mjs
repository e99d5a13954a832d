// Every AWS_* variable the library reads is cleared so that the machine's settings
// (AWS_CA_BUNDLE, AWS_REGION, ...) cannot change what a test sees. Node's process.env writes
// through to the real environment, which the native code reads. HOME points at a folder that
// does not exist, so no ~/.aws file is read.
import { fileURLToPath } from 'node:url'

for (const name of Object.keys(process.env)) {
  if (name.startsWith('AWS_')) delete process.env[name]
}
process.env.HOME = fileURLToPath(new URL('../.no-home', import.meta.url))
// Read only by the AWS SDK used for comparison (Node 20 support notice), never by this library.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

// Correct usage: must type-check.
import {
  getAttrCode,
  getAttrCodeSync,
  Client,
  CognitoIdentityProviderClient,
  GetUserAttributeVerificationCodeCommand,
  VerifyUserAttributeCommand,
  verifyAttr,
  verifyAttrSync,
  CodeMismatchException,
  NotAuthorizedException,
  CognitoError,
  CognitoInvalidArgumentError,
  CognitoTimeoutError,
  type CodeDeliveryDetails,
  type Settings,
  type ClientSettings,
} from 'cognito-attr-code'

const settings: Settings = { region: 'eu-west-1', readTimeoutMs: 5000, attemptTimeoutMs: 8000, operationTimeoutMs: 20000, maxAttempts: 2, verify: true }
const input = { accessToken: 'eyJ...', attributeName: 'email', clientMetadata: { app: 'web' } }

export async function run(): Promise<string | undefined> {
  const details: CodeDeliveryDetails | null = await getAttrCode(input, settings)
  const sync = getAttrCodeSync(input)
  const client = new Client(settings)
  const bounded: ClientSettings = { ...settings, maxConcurrentCalls: 16 }
  new Client(bounded)
  const url: string = client.endpointUrl
  const again = await client.getAttrCode(input)
  const compat = new CognitoIdentityProviderClient({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9229', maxAttempts: 1 })
  try {
    const out = await compat.send(
      new GetUserAttributeVerificationCodeCommand({ AccessToken: 'eyJ...', AttributeName: 'email' }),
    )
    const status: number | undefined = out.$metadata.httpStatusCode
    return `${out.CodeDeliveryDetails?.Destination} ${status} ${url} ${details?.destination} ${sync?.deliveryMedium} ${again}`
  } catch (error) {
    if (error instanceof NotAuthorizedException) return `${error.$fault} ${error.$metadata.requestId}`
    if (error instanceof CognitoTimeoutError) return error.phase
    if (error instanceof CognitoInvalidArgumentError) return error.argument
    if (error instanceof CognitoError) return error.message
    throw error
  }
}

export async function verify(code: string): Promise<void> {
  const nothing: void = await verifyAttr({ accessToken: 'eyJ...', attributeName: 'email', code }, settings)
  verifyAttrSync({ accessToken: 'eyJ...', attributeName: 'email', code })
  await new Client(settings).verifyAttr({ accessToken: 'eyJ...', attributeName: 'email', code })
  const compat = new CognitoIdentityProviderClient({ region: 'eu-west-1' })
  try {
    const out = await compat.send(new VerifyUserAttributeCommand({ AccessToken: 'eyJ...', AttributeName: 'email', Code: code }))
    const status: number | undefined = out.$metadata.httpStatusCode
    void status
  } catch (error) {
    if (error instanceof CodeMismatchException) console.log(error.name, error.$metadata.requestId)
  }
  return nothing
}

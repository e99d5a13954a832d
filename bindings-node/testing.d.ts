// Types of `cognito-attr-code/testing` (hand-written: testing.js wraps the generated
// NativeFakeCognito of binding.d.ts).

export interface FakeCognitoOptions {
  /** Default `'us-east-1'`. */
  region?: string
  /** Default: one derived from the region. */
  userPoolId?: string
  /** Default 0: any free port. */
  port?: number
  /** Seed of the code generator. Default 0. */
  seed?: number
  /** Codes the pool's default e-mail sender delivers per day; default: no quota. */
  dailyEmailQuota?: number
}

export interface AddUserOptions {
  email?: string
  phoneNumber?: string
  emailVerified?: boolean
  phoneNumberVerified?: boolean
  /** Other attributes, by name. */
  attributes?: Record<string, string>
}

export interface MintTokenOptions {
  /** Default `'access'`. */
  tokenUse?: 'access' | 'id'
  /** Whether the token has the `aws.cognito.signin.user.admin` scope. Default true. */
  adminScope?: boolean
  /** Default false. */
  expired?: boolean
}

export interface AdvanceBy {
  seconds?: number
  minutes?: number
  hours?: number
}

export interface FailNextOptions {
  /** `'GetUserAttributeVerificationCode'` or `'VerifyUserAttribute'`; default: any operation. */
  operation?: string
  /** A modeled error code, e.g. `'CodeDeliveryFailureException'`. */
  error?: string
  /** Default: the service's real message for `error`. */
  message?: string
  /** HTTP status; default 400 with `error`. */
  status?: number
  /** Milliseconds to wait before answering. */
  delay?: number
  /** Reset the connection instead of answering. */
  reset?: boolean
  /** How many requests fail. Default 1. */
  count?: number
}

/** A code the fake "delivered". `util.inspect` masks `code`. */
export declare class SentCode {
  readonly attribute: string
  readonly code: string
  /** Masked as Cognito reports it (`j***@e***`). */
  readonly destination: string
  readonly deliveryMedium: 'EMAIL' | 'SMS'
  /** On the fake's clock, in seconds. */
  readonly sentAt: number
}

export interface FakeUser {
  username: string
  attributes: Record<string, string>
  emailVerified: boolean
  phoneNumberVerified: boolean
}

/** A request the fake received: never its token or code. */
export interface ReceivedRequest {
  operation: string
  username: string | null
  attribute: string | null
  /** `'ok'`, the error code the fake answered with, `'status N'` (an injected status alone) or `'reset'`. */
  outcome: string
}

/** An error of the fake's own methods; `argument` is the option it refused. */
export declare class FakeCognitoError extends Error {
  readonly code: 'InvalidArgument' | 'UnknownUser' | 'UnknownAction' | 'Io' | 'Stopped'
  readonly argument?: string
  readonly username?: string
}

export declare class FakeCognito {
  private constructor()
  static start(options?: FakeCognitoOptions): Promise<FakeCognito>
  stop(): Promise<void>
  /** `http://127.0.0.1:PORT`: a `Client`'s `endpointUrl`. */
  readonly endpointUrl: string
  readonly region: string
  readonly port: number
  readonly running: boolean
  /** Returns an access token for the new user. */
  addUser(username: string, options?: AddUserOptions): string
  mintToken(username: string, options?: MintTokenOptions): string
  revokeTokens(username: string): void
  codes(username: string): SentCode[]
  lastCode(username: string, attribute: string): string | null
  user(username: string): FakeUser
  /** Returns the fake's time now, in seconds. */
  advance(by: AdvanceBy): number
  failNext(options?: FailNextOptions): void
  readonly requests: ReceivedRequest[]
}

'use strict'

// `cognito-attr-code/testing`: FakeCognito, the Rust Cognito fake served on 127.0.0.1 from this
// process (GetUserAttributeVerificationCode and VerifyUserAttribute with Cognito's messages and
// limits, a clock of its own, injected faults). The native side speaks the fake's snake_case
// JSON; this file gives every option and result its camelCase name.

const util = require('node:util')
const { NativeFakeCognito } = require('./lib/native')

/** An error of the fake's own methods (not of a client call); `code` says which kind. */
class FakeCognitoError extends Error {
  constructor(message, { code, argument, username } = {}) {
    super(message)
    Object.defineProperty(this, 'name', {
      value: 'FakeCognitoError',
      enumerable: false,
      writable: true,
      configurable: true,
    })
    this.code = code
    if (argument !== undefined) this.argument = argument
    if (username !== undefined) this.username = username
  }
}

const camel = (name) => name.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase())
// The fake's fields whose JavaScript names are not their camelCase.
const RENAMED = { delay_seconds: 'delay', add_user: 'addUser' }
const jsName = (field) => RENAMED[field] ?? camel(field)

function invalid(argument, message) {
  return new FakeCognitoError(`${argument}: ${message}`, { code: 'InvalidArgument', argument })
}

// Each checker takes (name, value) and throws an InvalidArgument error naming `name`.
const check = {
  string(name, value) {
    if (typeof value !== 'string') throw invalid(name, `expected a string, got ${typeof value}`)
  },
  boolean(name, value) {
    if (typeof value !== 'boolean') throw invalid(name, `expected a boolean, got ${typeof value}`)
  },
  whole(most) {
    return (name, value) => {
      if (!Number.isSafeInteger(value) || value < 0 || value > most) {
        throw invalid(name, `expected a whole number from 0 to ${most}, got ${util.inspect(value)}`)
      }
    }
  },
  duration(name, value) {
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
      throw invalid(name, `expected a number not below 0, got ${util.inspect(value)}`)
    }
  },
  attributes(name, value) {
    const ok = value !== null && typeof value === 'object' && Object.values(value).every((v) => typeof v === 'string')
    if (!ok) throw invalid(name, 'expected an object of strings')
  },
}

/** Checks `options` against `spec` ({ name: checker }) and returns the ones given. */
function options(given, spec, what) {
  if (given === undefined || given === null) return {}
  if (typeof given !== 'object') throw invalid(what, 'expected an options object')
  const out = {}
  for (const [name, value] of Object.entries(given)) {
    if (!(name in spec))
      throw invalid(name, `not an option of ${what} (expected one of ${Object.keys(spec).join(', ')})`)
    if (value === undefined) continue
    spec[name](name, value)
    out[name] = value
  }
  return out
}

const snake = (object) =>
  Object.fromEntries(
    Object.entries(object).map(([name, value]) => [name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]),
  )

/** One code the fake "delivered"; `util.inspect` masks `code`. */
class SentCode {
  constructor({ attribute, code, destination, delivery_medium: deliveryMedium, sent_at: sentAt }) {
    Object.assign(this, { attribute, code, destination, deliveryMedium, sentAt })
  }

  [util.inspect.custom](depth, inspectOptions, inspect) {
    return `SentCode ${inspect({ ...this, code: '***' }, inspectOptions)}`
  }
}

class FakeCognito {
  #native

  constructor(native) {
    this.#native = native
  }

  /**
   * Starts a fake: `{ region = 'us-east-1', userPoolId, port = 0, seed = 0, dailyEmailQuota }`.
   * Resolves once it accepts connections.
   */
  static async start(startOptions) {
    const given = options(
      startOptions,
      {
        region: check.string,
        userPoolId: check.string,
        port: check.whole(0xffff),
        seed: check.whole(Number.MAX_SAFE_INTEGER),
        dailyEmailQuota: check.whole(0xffffffff),
      },
      'FakeCognito.start',
    )
    return new FakeCognito(FakeCognito.#call(() => NativeFakeCognito.start(given), given))
  }

  /** Stops the server; its threads are joined off the JS thread. Calling it again is harmless. */
  async stop() {
    await this.#native.stop()
  }

  /** `http://127.0.0.1:PORT`: a `Client`'s `endpointUrl`. */
  get endpointUrl() {
    return this.#native.endpointUrl
  }

  get region() {
    return this.#native.region
  }

  get port() {
    return this.#native.port
  }

  get running() {
    return this.#native.running
  }

  /** Adds a user; returns an access token for it (JWT-shaped, with Cognito's claims). */
  addUser(username, userOptions) {
    check.string('username', username)
    const given = options(
      userOptions,
      {
        email: check.string,
        phoneNumber: check.string,
        emailVerified: check.boolean,
        phoneNumberVerified: check.boolean,
        attributes: check.attributes,
      },
      'addUser',
    )
    return this.#control('add_user', { username, ...snake(given) }).access_token
  }

  /** Another token: `{ tokenUse: 'access' | 'id', adminScope = true, expired = false }`. */
  mintToken(username, tokenOptions) {
    check.string('username', username)
    const given = options(
      tokenOptions,
      {
        tokenUse(name, value) {
          if (value !== 'access' && value !== 'id')
            throw invalid(name, `expected 'access' or 'id', got ${util.inspect(value)}`)
        },
        adminScope: check.boolean,
        expired: check.boolean,
      },
      'mintToken',
    )
    return this.#control('mint_token', { username, ...snake(given) }).token
  }

  /** Revokes every token minted so far for `username`. */
  revokeTokens(username) {
    check.string('username', username)
    this.#control('revoke_tokens', { username })
  }

  /** Every code sent to `username`, oldest first. */
  codes(username) {
    check.string('username', username)
    return this.#control('codes', { username }).codes.map((sent) => new SentCode(sent))
  }

  /** The newest code sent for `attribute` of `username`, or `null`. */
  lastCode(username, attribute) {
    check.string('username', username)
    check.string('attribute', attribute)
    return this.#control('last_code', { username, attribute }).code ?? null
  }

  /** `{ username, attributes, emailVerified, phoneNumberVerified }`. */
  user(username) {
    check.string('username', username)
    const {
      attributes,
      email_verified: emailVerified,
      phone_number_verified: phoneNumberVerified,
    } = this.#control('user', {
      username,
    })
    return { username, attributes, emailVerified, phoneNumberVerified }
  }

  /** Moves the fake's clock forward by `{ seconds, minutes, hours }`; returns its time now (s). */
  advance(by) {
    const given = options(by, { seconds: check.duration, minutes: check.duration, hours: check.duration }, 'advance')
    const seconds = (given.seconds ?? 0) + 60 * (given.minutes ?? 0) + 3600 * (given.hours ?? 0)
    return this.#control('advance', { seconds }).now
  }

  /**
   * The next `count` requests (of `operation`, else of any) fail: with the modeled `error` (its
   * real message unless `message`), with HTTP `status`, after `delay` milliseconds, or with the
   * connection `reset`.
   */
  failNext(failure) {
    const given = options(
      failure,
      {
        operation: check.string,
        error: check.string,
        message: check.string,
        status: check.whole(599),
        delay: check.duration,
        reset: check.boolean,
        count: check.whole(0xffffffff),
      },
      'failNext',
    )
    const { delay, ...rest } = given
    this.#control('fail_next', { ...rest, ...(delay === undefined ? {} : { delay_seconds: delay / 1000 }) })
  }

  /** What the fake received, oldest first: `{ operation, username, attribute, outcome }`. */
  get requests() {
    return this.#control('requests', {}).requests.map(({ operation, username, attribute, outcome }) => ({
      operation,
      username: username ?? null,
      attribute: attribute ?? null,
      outcome,
    }))
  }

  [util.inspect.custom]() {
    return this.running ? `FakeCognito <${this.endpointUrl} ${this.region}>` : 'FakeCognito <stopped>'
  }

  #control(action, args) {
    return JSON.parse(FakeCognito.#call(() => this.#native.control(action, JSON.stringify(args)), args))
  }

  // Runs a native call; a refusal becomes a FakeCognitoError naming the camelCase argument.
  static #call(run, args) {
    try {
      return run()
    } catch (error) {
      if (typeof error?.code !== 'string' || error instanceof FakeCognitoError) throw error
      let message = error.message
      for (const field of new Set([...Object.keys(args), ...Object.keys(RENAMED)])) {
        message = message.replace(new RegExp(`\\b${field}\\b`, 'g'), jsName(field))
      }
      const argument = Object.keys(args)
        .map(jsName)
        .find((name) => new RegExp(`\\b${name}\\b`).test(message))
      const details = { code: error.code, argument, username: error.code === 'UnknownUser' ? args.username : undefined }
      throw new FakeCognitoError(message, details)
    }
  }
}

module.exports = { FakeCognito, FakeCognitoError, SentCode }

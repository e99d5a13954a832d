// A Cognito stand-in on 127.0.0.1 (ephemeral port), run in a worker thread of the test process
// so that it keeps answering while the main thread is blocked in a `...Sync` call.
import { Worker } from 'node:worker_threads'
import { once } from 'node:events'

export const TOKEN = 'eyJraWQiOiJ0ZXN0In0.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2VjcmV0LXNpZ25hdHVyZS1zaG91bGQtbm90LWxlYWs'

export const FULL_DETAILS = {
  CodeDeliveryDetails: { Destination: 'a***@e***.com', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
}

/** A modeled or unknown service error as Cognito sends it. */
export function serviceError(code, message, { status = 400, requestId = `req-${code}` } = {}) {
  return { status, headers: { 'x-amzn-requestid': requestId }, body: { __type: code, message } }
}

/**
 * Starts a server. A reply is data: `{ status, headers, body, delayMs, echoAttributeName,
 * hang, hold }` (body: object → JSON, string → as is; `echoAttributeName` answers with the
 * requested attribute; `hang` never answers; `hold` answers when `release()` is called).
 */
export async function startServer(reply = { status: 200, body: {} }) {
  const worker = new Worker(new URL('./server-worker.mjs', import.meta.url), { workerData: reply })
  const [port] = await once(worker, 'message')
  let sequence = 0
  const ask = async (message) => {
    const id = ++sequence
    worker.postMessage({ id, ...message })
    for (;;) {
      const [answer] = await once(worker, 'message')
      if (answer.id === id) return answer.value
    }
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    setReply: (next) => ask({ type: 'reply', reply: next }),
    /** Resolves once `count` requests have arrived since the server started. */
    arrivals: (count) => ask({ type: 'arrivals', count }),
    /** Sends the replies held so far (`hold`). */
    release: () => ask({ type: 'release' }),
    /** The requests received since the last call, oldest first. */
    takeRequests: () => ask({ type: 'requests' }),
    /** Connections accepted so far. */
    connections: () => ask({ type: 'connections' }),
    close: async () => {
      await ask({ type: 'close' })
      await worker.terminate()
    },
  }
}

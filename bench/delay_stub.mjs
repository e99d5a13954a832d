// The stub of the concurrency bench: a Node `http` server on 127.0.0.1 (keep-alive) that answers
// every request with a canned GetUserAttributeVerificationCode success after DELAY_MS, as
// Cognito answers after some tens of milliseconds. Prints its port, then serves until killed.
// usage: node delay_stub.mjs DELAY_MS
import http from 'node:http'

const delayMs = Number(process.argv[2] ?? 50)
const body = JSON.stringify({
  CodeDeliveryDetails: { Destination: 'a***@e***.com', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
})
const server = http.createServer({ keepAlive: true }, (req, res) => {
  req.resume()
  req.on('end', () =>
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'bench' })
      res.end(body)
    }, delayMs),
  )
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => console.log(server.address().port))

"""A stand-in for Cognito on 127.0.0.1 for `make demo`: answers GetUserAttributeVerificationCode
like the service does (masked destination), prints each request it receives (token masked), and
exits after one request or 30 seconds. It writes its port to the file named on the command line."""

import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        attribute = body.get("AttributeName", "")
        print(
            f"  [server] {self.headers['X-Amz-Target']} attribute={attribute} token=***"
            f" user-agent={self.headers['User-Agent']!r}",
            flush=True,
        )
        destinations = {"email": ("EMAIL", "d***@e***.com"), "phone_number": ("SMS", "+*******0100")}
        if attribute in destinations:
            medium, destination = destinations[attribute]
            status, reply = (
                200,
                {
                    "CodeDeliveryDetails": {
                        "Destination": destination,
                        "DeliveryMedium": medium,
                        "AttributeName": attribute,
                    }
                },
            )
        else:
            status, reply = (
                400,
                {"__type": "InvalidParameterException", "message": f"Unsupported attribute {attribute}"},
            )
        data = json.dumps(reply).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("x-amzn-RequestId", "demo-request-1")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Handler)
server.timeout = 30
with open(sys.argv[1], "w") as port_file:
    port_file.write(str(server.server_address[1]))
server.handle_request()

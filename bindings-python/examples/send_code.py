"""Send a verification code for the e-mail address of the user an access token belongs to.

    python send_code.py ACCESS_TOKEN [ATTRIBUTE]

Region and endpoint come from the environment (AWS_REGION, AWS_ENDPOINT_URL, ...) or, without a
region, from the access token's issuer.
"""

import logging
import sys

import cognito_attr_code

logging.basicConfig(level=logging.INFO)
token = sys.argv[1]
attribute = sys.argv[2] if len(sys.argv) > 2 else "email"
try:
    details = cognito_attr_code.get_attr_code(token, attribute)
except cognito_attr_code.LimitExceededException:
    sys.exit("too many codes requested for this user; try again in an hour")
except cognito_attr_code.CognitoError as error:
    sys.exit(f"failed: {error}")
if details is None:
    print("code sent")
else:
    print(f"code sent to {details.destination} by {details.delivery_medium}")

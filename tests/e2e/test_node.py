"""The Node package (installed from its tarball) against cognito-local, driven through `node`."""

from __future__ import annotations

import json
import os
import subprocess

from conftest import EXPECTED_NO_AUTO_VERIFY, IDLE_CLOSE_GAP, artifact, unknown_client_token

SCRIPT = r"""
const lib = require('cognito-attr-code')
const [endpoint, caBundle, token, pauseMs] = process.argv.slice(1)
const client = new lib.Client({ endpointUrl: endpoint, region: 'us-east-1', maxAttempts: 1, ...(caBundle ? { caBundle } : {}) })
const outcome = (p) => p.then((details) => ({ ok: true, details }), (e) => ({ ok: false, name: e.name, code: e.code, message: e.message }))
;(async () => {
  const results = [await outcome(client.getAttrCode({ accessToken: token, attributeName: 'email', clientMetadata: { source: 'e2e' } }))]
  if (Number(pauseMs) > 0) {
    await new Promise((resolve) => setTimeout(resolve, Number(pauseMs)))
    results.push(await outcome(client.getAttrCode({ accessToken: token, attributeName: 'email' })))
  }
  const sdk = new lib.CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, maxAttempts: 1 })
  if (!caBundle) results.push(await outcome(sdk.send(new lib.GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: 'email' })).then((r) => r.CodeDeliveryDetails ?? null)))
  console.log(JSON.stringify(results))
})()
"""


def run(emulator, token, ca_bundle="", pause_ms=0):
    folder = artifact("COGNITO_E2E_NODE_DIR")
    result = subprocess.run(
        ["node", "-e", SCRIPT, emulator.endpoint, ca_bundle, token, str(pause_ms)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr
    assert token not in result.stdout + result.stderr
    return json.loads(result.stdout)


def test_real_token_issues_a_new_code(emulator):
    before = emulator.issued_code()
    first, sdk = run(emulator, emulator.access_token)
    assert first == {"ok": True, "details": None}
    assert sdk == {"ok": True, "details": None}
    assert emulator.issued_code() not in (None, before)


def test_service_errors_are_typed(emulator):
    assert run(emulator, "abc.def.ghi")[0]["name"] == "InvalidParameterException"
    assert run(emulator, unknown_client_token(emulator.access_token))[1]["name"] == "ResourceNotFoundException"
    first, sdk = run(emulator, emulator.plain_pool_token)
    assert (first["name"], first["message"]) == ("InvalidParameterException", EXPECTED_NO_AUTO_VERIFY)
    assert sdk["name"] == "InvalidParameterException"


def test_https_with_and_without_the_ca_bundle(tls_emulator):
    assert run(tls_emulator, tls_emulator.access_token, ca_bundle=tls_emulator.ca_bundle) == [
        {"ok": True, "details": None}
    ]
    untrusted = run(tls_emulator, tls_emulator.access_token)[0]
    assert untrusted["code"] == "ERR_COGNITO_TLS", untrusted


def test_calls_six_seconds_apart_on_one_client(emulator):
    first, second, _ = run(emulator, emulator.access_token, pause_ms=int(IDLE_CLOSE_GAP * 1000))
    assert first["ok"] and second["ok"], (first, second)


VERIFY_SCRIPT = r"""
const lib = require('cognito-attr-code')
const [endpoint, token, wrong, right] = process.argv.slice(1)
const client = new lib.Client({ endpointUrl: endpoint, region: 'us-east-1', maxAttempts: 1 })
const sdk = new lib.CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, maxAttempts: 1 })
;(async () => {
  const results = []
  try {
    await client.verifyAttr({ accessToken: token, attributeName: 'email', code: wrong })
    results.push({ ok: true })
  } catch (e) {
    results.push({ ok: false, name: e.name, isClass: e instanceof lib.CodeMismatchException, cause: e.diagnosis?.cause })
  }
  const out = await sdk.send(new lib.VerifyUserAttributeCommand({ AccessToken: token, AttributeName: 'email', Code: right }))
  results.push({ ok: true, keys: Object.keys(out), status: out.$metadata.httpStatusCode })
  console.log(JSON.stringify(results))
})()
"""


def test_verify_flow_marks_the_attribute_verified(emulator):
    token = emulator.new_unverified_user("node-verify")
    assert run(emulator, token)[0] == {"ok": True, "details": None}
    code = emulator.issued_code(username="node-verify")
    assert code and emulator.email_verified("node-verify") == "false"
    wrong = "000000" if code != "000000" else "111111"
    result = subprocess.run(
        ["node", "-e", VERIFY_SCRIPT, emulator.endpoint, token, wrong, code],
        cwd=artifact("COGNITO_E2E_NODE_DIR"),
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr
    assert token not in result.stdout + result.stderr and code not in result.stdout + result.stderr
    mismatch, verified = json.loads(result.stdout)
    assert mismatch == {"ok": False, "name": "CodeMismatchException", "isClass": True, "cause": "wrong_code"}
    assert verified == {"ok": True, "keys": ["$metadata"], "status": 200}
    assert emulator.email_verified("node-verify") == "true"

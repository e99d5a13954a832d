//! An HTTP response (status line, headers, body) through the client's parsing: scrubbing the
//! token, then the success or error parser. Seeds are real responses (`seeds/response`).
#![no_main]

use libfuzzer_sys::fuzz_target;

const TOKEN: &str = "eyJraWQiOiJmdXp6In0.eyJzdWIiOiJmdXp6In0.c2ln";
const MAX_HEADERS: usize = 64;

fuzz_target!(|data: &[u8]| {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut response = httparse::Response::new(&mut headers);
    let Ok(httparse::Status::Complete(head_len)) = response.parse(data) else {
        return;
    };
    let Some(status) = response.code else {
        return;
    };
    let headers = response
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_ascii_lowercase(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect();
    let body = data[head_len..].to_vec();
    let result = cognito_attr_code::fuzzing::parse_response(status, headers, body, TOKEN);
    // Formatting must not panic either, and nothing rendered may carry the token.
    let rendered = match &result {
        Ok(output) => format!("{output:?}"),
        Err(error) => format!("{error:?} {error}"),
    };
    assert!(
        !rendered.contains(TOKEN),
        "the token leaked into the rendered result"
    );
});

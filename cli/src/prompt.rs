//! `--cli-auto-prompt`: on a terminal, ask for the required parameters that are missing.
//! The token is read without echo.

use std::io::{BufRead, IsTerminal, Write};

use zeroize::Zeroizing;

use crate::failure::Failure;
use crate::parameters::Parameters;

/// Asks on the terminal for each required parameter that is still missing.
pub fn fill_missing(params: &mut Parameters) -> Result<(), Failure> {
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(format!(
            "--cli-auto-prompt needs a terminal to prompt for {}; give them as options instead",
            params.missing().join(", ")
        )));
    }
    if params.access_token.is_none() {
        let token = rpassword::prompt_password("Access token (not echoed): ")
            .map_err(|e| Failure::usage(format!("cannot read the access token: {e}")))?;
        params.access_token = Some(Zeroizing::new(token));
    }
    if params.attribute_name.is_none() {
        eprint!("Attribute name: ");
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Failure::usage(format!("cannot read the attribute name: {e}")))?;
        params.attribute_name = Some(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    if params.missing().contains(&"--code") {
        let code = rpassword::prompt_password("Verification code (not echoed): ")
            .map_err(|e| Failure::usage(format!("cannot read the verification code: {e}")))?;
        params.code = Some(Zeroizing::new(code));
    }
    Ok(())
}

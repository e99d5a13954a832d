//! `cognito-attr-code get-user-attribute-verification-code`: the AWS CLI command, same flags,
//! same output, same exit codes (AWS CLI v2), without the Python start-up.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::Parser;
use cognito_attr_code_cli::{args, command, failure};

/// The exit code for Ctrl-C, as for any shell command killed by SIGINT.
const INTERRUPTED: i32 = 130;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let failure = failure::Failure::usage(e.render().to_string().trim_end().to_owned());
            eprintln!("{failure}");
            return ExitCode::from(failure.exit_code());
        }
    };
    // The fake serves until a signal and then exits 0; it installs its own handlers.
    if !matches!(cli.command, args::Command::FakeCognito(_)) {
        // Exits at once: a request in flight is abandoned, as the AWS CLI does.
        let _ = ctrlc::set_handler(|| {
            eprintln!();
            std::process::exit(INTERRUPTED);
        });
    }
    match command::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprint!("{}", failure.stderr_text(std::io::stderr().is_terminal()));
            ExitCode::from(failure.exit_code())
        }
    }
}

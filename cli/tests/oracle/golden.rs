//! Golden outputs of the real AWS CLI, checked in under `cli/tests/golden/`, so the comparison
//! runs on a machine without it. Each case is one canned server reply plus the arguments that
//! differ from the common ones; the golden holds what the AWS CLI printed for it. Our output is
//! always compared with the golden; when that AWS CLI is installed, its live output is compared
//! with the golden too, so a drift of the real thing is caught where it is installed (CI).
//! `cli/scripts/record-goldens.sh` re-records them (`COGNITO_RECORD_GOLDENS=1`).

use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

use crate::support::{
    aws_version, call_args, installed_aws, strs, Outcome, Reply, Sandbox, Server, TOKEN,
};

/// Which AWS CLI is the oracle: v1 for json/text/table, v2 for the yaml formats (v1 has none).
#[derive(Clone, Copy)]
pub enum Oracle {
    V1,
    V2,
}

impl Oracle {
    fn major(self) -> u8 {
        match self {
            Oracle::V1 => 1,
            Oracle::V2 => 2,
        }
    }
}

/// What an AWS CLI printed for one case.
struct Printed {
    exit_code: i32,
    stdout: String,
    stderr: String,
}

impl Printed {
    fn from_outcome(outcome: Outcome) -> Self {
        Self {
            exit_code: outcome.code,
            stdout: outcome.stdout,
            stderr: outcome.stderr,
        }
    }

    fn from_json(case: &Value) -> Option<Self> {
        Some(Self {
            exit_code: i32::try_from(case["exit_code"].as_i64()?).ok()?,
            stdout: case["stdout"].as_str()?.to_owned(),
            stderr: case["stderr"].as_str()?.to_owned(),
        })
    }

    /// What of stderr must match: all of it on success, the service's error line on failure
    /// (the AWS CLI adds nothing else that we promise to reproduce).
    fn stderr_to_match(&self) -> Option<String> {
        if self.exit_code == 0 {
            Some(self.stderr.clone())
        } else {
            self.stderr
                .lines()
                .find(|l| l.starts_with("An error occurred"))
                .map(str::to_owned)
        }
    }
}

/// The golden cases of one test function against one oracle.
pub struct GoldenBook {
    oracle: Oracle,
    path: PathBuf,
    recording: bool,
    live: Option<(PathBuf, String)>,
    recorded_with: String,
    cases: Map<String, Value>,
    failures: Vec<String>,
}

impl GoldenBook {
    pub fn open(oracle: Oracle, name: &str) -> Self {
        let major = oracle.major();
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/golden/aws-cli-v{major}/{name}.json"));
        let recording = std::env::var("COGNITO_RECORD_GOLDENS").as_deref() == Ok("1");
        let live = installed_aws(major).map(|program| {
            let version = aws_version(&program).unwrap_or_default();
            (program, version)
        });
        let (recorded_with, cases) = if recording {
            let (_, version) = live.as_ref().unwrap_or_else(|| {
                panic!("recording the goldens needs the AWS CLI v{major}: see cli/scripts/record-goldens.sh")
            });
            (version.clone(), Map::new())
        } else {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!(
                    "{}: {e}; record it with cli/scripts/record-goldens.sh",
                    path.display()
                )
            });
            let mut golden: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: not valid JSON: {e}", path.display()));
            let recorded_with = golden["recorded_with"].as_str().unwrap_or("?").to_owned();
            let Value::Object(cases) = golden["cases"].take() else {
                panic!("{}: no \"cases\" object", path.display())
            };
            (recorded_with, cases)
        };
        Self {
            oracle,
            path,
            recording,
            live,
            recorded_with,
            cases,
            failures: Vec::new(),
        }
    }

    /// Runs our binary (and the live oracle, when installed or recording) against `reply` with
    /// the common arguments plus `extra`, and checks both against the golden of this case.
    pub fn check(&mut self, label: &str, reply: &Reply, extra: &[&str]) {
        self.check_call(label, reply, call_args, extra);
    }

    /// As [`GoldenBook::check`], with the operation's arguments from `call` (e.g.
    /// `verify-user-attribute`'s).
    pub fn check_call(
        &mut self,
        label: &str,
        reply: &Reply,
        call: impl FnOnce(&Server) -> Vec<String>,
        extra: &[&str],
    ) {
        let key = std::iter::once(label)
            .chain(extra.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        let server = Server::start(reply.clone());
        let sandbox = Sandbox::new();
        let call = call(&server);
        let ours_args: Vec<&str> = strs(&call)
            .into_iter()
            .chain(extra.iter().copied())
            .collect();
        let aws_args: Vec<&str> = std::iter::once("cognito-idp")
            .chain(ours_args.iter().copied())
            .collect();
        let reply_json = json!({ "status": reply.status, "body": reply.body });

        let live = self
            .live
            .as_ref()
            .map(|(program, _)| Printed::from_outcome(sandbox.run_aws(program, &aws_args)));
        if self.recording {
            let printed = live.as_ref().expect("recording runs the live oracle");
            self.cases.insert(
                key.clone(),
                json!({
                    "reply": reply_json,
                    "exit_code": printed.exit_code,
                    "stdout": printed.stdout,
                    "stderr": printed.stderr,
                }),
            );
        }
        let Some(case) = self.cases.get(&key) else {
            return self.fail(format!(
                "{key}: no golden in {}; record it with cli/scripts/record-goldens.sh",
                self.path.display()
            ));
        };
        if case["reply"] != reply_json {
            return self.fail(format!(
                "{key}: the golden was recorded for another reply ({}); re-record it",
                case["reply"]
            ));
        }
        let Some(golden) = Printed::from_json(case) else {
            return self.fail(format!("{key}: malformed golden case {case}"));
        };

        if let (Some(live), Some((program, version))) = (&live, &self.live) {
            if let Some(drift) = difference(live, &golden, golden.exit_code) {
                let recorded_with = &self.recorded_with;
                self.fail(format!(
                    "{key}: the installed AWS CLI ({}, {version}) no longer prints what \
                     {recorded_with} printed when the golden was recorded: {drift}; review the \
                     change, then re-record with cli/scripts/record-goldens.sh",
                    program.display()
                ));
            }
        }
        let ours = sandbox.run(&ours_args, &[]);
        if let Some(difference) = our_difference(ours, &golden) {
            self.fail(format!(
                "{key}: we differ from the AWS CLI v{}: {difference}",
                self.oracle.major()
            ));
        }
    }

    fn fail(&mut self, message: String) {
        self.failures.push(message);
    }

    /// Writes the goldens when recording; fails the test with every difference found.
    pub fn finish(self) {
        if self.recording {
            let golden = json!({ "recorded_with": self.recorded_with, "cases": self.cases });
            let text = serde_json::to_string_pretty(&golden).expect("serialize goldens") + "\n";
            std::fs::create_dir_all(self.path.parent().expect("golden folder"))
                .expect("create golden folder");
            std::fs::write(&self.path, text).expect("write goldens");
            eprintln!(
                "recorded {} cases in {}",
                self.cases.len(),
                self.path.display()
            );
        }
        let live = match &self.live {
            Some((program, version)) => format!("and live {} ({version})", program.display()),
            None => "only (no AWS CLI of that version installed)".to_owned(),
        };
        eprintln!(
            "compared {} cases with the goldens of {} {live}",
            self.cases.len(),
            self.recorded_with
        );
        assert!(self.failures.is_empty(), "{}", self.failures.join("\n\n"));
    }
}

/// Where `printed` differs from the golden, if anywhere: exit code, stdout, or the part of
/// stderr that must match.
fn difference(printed: &Printed, golden: &Printed, exit_code: i32) -> Option<String> {
    if printed.exit_code != exit_code {
        return Some(format!(
            "exit code {} (expected {exit_code}); stderr {:?}",
            printed.exit_code, printed.stderr
        ));
    }
    if printed.stdout != golden.stdout {
        return Some(format!(
            "stdout {:?}, the golden's {:?}",
            printed.stdout, golden.stdout
        ));
    }
    (printed.stderr_to_match() != golden.stderr_to_match()).then(|| {
        format!(
            "stderr {:?}, the golden's {:?}",
            printed.stderr, golden.stderr
        )
    })
}

/// Where our output differs from the golden, if anywhere. The AWS CLI v1 exits 255 for service
/// errors; v2 (and we) exit 254. Our error output starts with a blank line, as theirs does.
fn our_difference(ours: Outcome, golden: &Printed) -> Option<String> {
    if ours.stdout.contains(TOKEN) || ours.stderr.contains(TOKEN) {
        return Some("the access token appears in our output".to_owned());
    }
    let ours = Printed::from_outcome(ours);
    let exit_code = if golden.exit_code == 0 { 0 } else { 254 };
    difference(&ours, golden, exit_code).or_else(|| {
        (exit_code != 0 && (!ours.stderr.starts_with('\n') || ours.stderr_to_match().is_none()))
            .then(|| format!("error output {:?} lacks the AWS CLI's shape", ours.stderr))
    })
}

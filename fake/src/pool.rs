//! The fake user pool: its users, the tokens it minted, the codes it "sent", its clock, its
//! queued faults and the log of the requests it received.

use std::collections::{BTreeMap, HashMap};

use crate::clock::Clock;
use crate::faults::Faults;
use crate::token::{uuid_like, MintedToken, TokenClaims, TokenUse};
use crate::window::SlidingWindow;
use crate::Options;

/// A code the fake "sent".
pub(crate) struct SentCode {
    pub(crate) attribute: String,
    pub(crate) code: String,
    pub(crate) destination: String,
    pub(crate) delivery_medium: &'static str,
    pub(crate) sent_at: i64,
    /// Cognito keeps one code per attribute: a newer code or a successful verification makes an
    /// older one unusable (it then gets CodeMismatchException).
    pub(crate) usable: bool,
}

/// A user of the pool.
pub(crate) struct User {
    pub(crate) sub: String,
    /// As Cognito stores them: strings, including `email_verified` / `phone_number_verified`.
    pub(crate) attributes: BTreeMap<String, String>,
    pub(crate) code_requests: SlidingWindow,
    pub(crate) verifications: SlidingWindow,
    pub(crate) codes: Vec<SentCode>,
}

impl User {
    pub(crate) fn is_verified(&self, attribute: &str) -> bool {
        self.attributes
            .get(&format!("{attribute}_verified"))
            .is_some_and(|value| value == "true")
    }
}

/// What the log keeps of one request: never its token or code.
pub(crate) struct RequestRecord {
    pub(crate) operation: String,
    pub(crate) username: Option<String>,
    pub(crate) attribute: Option<String>,
    pub(crate) outcome: String,
}

pub(crate) struct Pool {
    pub(crate) region: String,
    pub(crate) user_pool_id: String,
    pub(crate) client_id: String,
    pub(crate) clock: Clock,
    /// Codes only, so that the codes of a seed do not depend on how many tokens were minted.
    pub(crate) code_random: fastrand::Rng,
    /// Tokens, subs and request ids.
    pub(crate) id_random: fastrand::Rng,
    pub(crate) users: BTreeMap<String, User>,
    pub(crate) tokens: HashMap<String, MintedToken>,
    pub(crate) faults: Faults,
    pub(crate) requests: Vec<RequestRecord>,
    pub(crate) daily_email_quota: Option<u32>,
    pub(crate) emails_sent: SlidingWindow,
}

impl Pool {
    pub(crate) fn new(options: &Options) -> Self {
        let mut id_random = fastrand::Rng::with_seed(options.seed ^ 0x9e37_79b9_7f4a_7c15);
        let user_pool_id = options
            .user_pool_id
            .clone()
            .unwrap_or_else(|| format!("{}_Fake{:05}", options.region, id_random.u32(..100_000)));
        let client_id: String = (0..26)
            .map(|_| id_random.lowercase())
            .map(|c| c.to_string())
            .collect();
        Self {
            region: options.region.clone(),
            user_pool_id,
            client_id,
            clock: Clock::new(),
            code_random: fastrand::Rng::with_seed(options.seed),
            id_random,
            users: BTreeMap::new(),
            tokens: HashMap::new(),
            faults: Faults::default(),
            requests: Vec::new(),
            daily_email_quota: options.daily_email_quota,
            emails_sent: SlidingWindow::default(),
        }
    }

    pub(crate) fn issuer(&self) -> String {
        format!(
            "https://cognito-idp.{}.amazonaws.com/{}",
            self.region, self.user_pool_id
        )
    }

    /// Mints a token for an existing user.
    pub(crate) fn mint(
        &mut self,
        username: &str,
        token_use: TokenUse,
        admin_scope: bool,
        expired: bool,
    ) -> String {
        let issuer = self.issuer();
        let now = self.clock.now();
        let user = &self.users[username];
        let claims = TokenClaims {
            issuer: &issuer,
            client_id: &self.client_id,
            username,
            sub: &user.sub,
            email: user.attributes.get("email").map(String::as_str),
            token_use,
            admin_scope,
            issued_at: now,
            expired,
        };
        let (text, record) = claims.mint(&mut self.id_random);
        self.tokens.insert(text.clone(), record);
        text
    }

    pub(crate) fn new_sub(&mut self) -> String {
        uuid_like(&mut self.id_random)
    }

    /// A new six-digit code.
    pub(crate) fn new_code(&mut self) -> String {
        format!("{:06}", self.code_random.u32(..1_000_000))
    }
}

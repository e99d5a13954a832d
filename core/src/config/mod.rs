//! Where a client's configuration comes from (settings, environment, shared files) and what it
//! resolves to (region, endpoint, credentials-free call settings).

pub(crate) mod endpoint;
pub(crate) mod environment;
pub mod local_file;
pub(crate) mod profile;
pub(crate) mod proxy;
pub(crate) mod resolve;
pub(crate) mod resolved_setting;
pub(crate) mod retry_mode;
pub(crate) mod setting_value;
pub(crate) mod settings;
pub(crate) mod source;

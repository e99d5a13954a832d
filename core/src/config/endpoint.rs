//! Endpoint resolution: the cognito-idp endpoint rule set over the AWS partitions, plus the
//! region check the rule set lacks.

use crate::error::setting_id::SettingId;
use crate::error::{Error, Result};

mod partition;
mod partitions;
pub use partition::Partition;
pub use partitions::PARTITIONS;

impl Partition {
    /// The partition of `region`: listed by name, else matched by the partition's region
    /// pattern, else `aws` (the rule set's `aws.partition` function).
    pub fn of(region: &str) -> &'static Partition {
        PARTITIONS
            .iter()
            .find(|p| p.regions.contains(&region))
            .or_else(|| PARTITIONS.iter().find(|p| p.matches_pattern(region)))
            .unwrap_or(&PARTITIONS[0])
    }
}

/// The inputs of the rule set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EndpointParams {
    /// `AWS::Region`
    pub region: Option<String>,
    /// `AWS::UseFIPS`
    pub use_fips: bool,
    /// `AWS::UseDualStack`
    pub use_dual_stack: bool,
    /// `SDK::Endpoint` (a custom endpoint URL).
    pub endpoint: Option<String>,
}

/// Runs the rule set. Errors carry the rule set's exact messages.
pub fn resolve_endpoint(params: &EndpointParams) -> Result<String> {
    // Checked even with a custom endpoint, which ignores the region: a region that is not a DNS
    // label is a mistake the caller should hear about, whatever the endpoint.
    if let Some(region) = &params.region {
        validate_region(region)?;
    }
    if let Some(endpoint) = &params.endpoint {
        if params.use_fips {
            return Err(Error::setting(
                SettingId::EndpointUrl,
                "Invalid Configuration: FIPS and custom endpoint are not supported",
            ));
        }
        if params.use_dual_stack {
            return Err(Error::setting(
                SettingId::EndpointUrl,
                "Invalid Configuration: Dualstack and custom endpoint are not supported",
            ));
        }
        return Ok(endpoint.clone());
    }
    let Some(region) = &params.region else {
        return Err(missing_region());
    };
    let partition = Partition::of(region);
    let url = match (params.use_fips, params.use_dual_stack) {
        (true, true) => match region.as_str() {
            "us-east-1" | "us-east-2" | "us-west-1" | "us-west-2" => {
                format!("https://cognito-idp-fips.{region}.amazonaws.com")
            }
            _ => format!(
                "https://cognito-idp-fips.{region}.{}",
                partition.dual_stack_dns_suffix
            ),
        },
        (true, false) => format!("https://cognito-idp-fips.{region}.{}", partition.dns_suffix),
        (false, true) if partition.name == "aws" => {
            format!("https://cognito-idp.{region}.amazonaws.com")
        }
        (false, true) => format!(
            "https://cognito-idp.{region}.{}",
            partition.dual_stack_dns_suffix
        ),
        (false, false) => format!("https://cognito-idp.{region}.{}", partition.dns_suffix),
    };
    Ok(url)
}

/// `localhost`, or an IP address of the loopback interface (brackets around IPv6 allowed).
pub(crate) fn is_loopback_host(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The rule set's error when neither a region nor an endpoint is configured.
pub(crate) fn missing_region() -> Error {
    Error::setting(SettingId::Region, "Invalid Configuration: Missing Region")
}

/// A region becomes part of a host name, so it must be one DNS label: letters, digits and
/// hyphens, at most 63, not all digits, no hyphen at either end.
pub fn validate_region(region: &str) -> Result<()> {
    let valid = !region.is_empty()
        && region.len() <= 63
        && region
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !region.starts_with('-')
        && !region.ends_with('-')
        && !region.bytes().all(|b| b.is_ascii_digit());
    if valid {
        Ok(())
    } else {
        Err(Error::setting(
            SettingId::Region,
            format!(
                "{region:?} is not a valid region name (one DNS label: letters, digits, hyphens)"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(region: &str, fips: bool, dual: bool) -> String {
        resolve_endpoint(&EndpointParams {
            region: Some(region.into()),
            use_fips: fips,
            use_dual_stack: dual,
            endpoint: None,
        })
        .unwrap()
    }

    #[test]
    fn partitions_outside_the_official_cases() {
        assert_eq!(
            url("cn-northwest-1", false, false),
            "https://cognito-idp.cn-northwest-1.amazonaws.com.cn"
        );
        assert_eq!(
            url("cn-north-9", true, true),
            "https://cognito-idp-fips.cn-north-9.api.amazonwebservices.com.cn"
        );
        assert_eq!(
            url("us-gov-west-1", true, false),
            "https://cognito-idp-fips.us-gov-west-1.amazonaws.com"
        );
        assert_eq!(
            url("us-gov-east-1", false, true),
            "https://cognito-idp.us-gov-east-1.api.aws"
        );
        assert_eq!(
            url("us-iso-west-1", false, false),
            "https://cognito-idp.us-iso-west-1.c2s.ic.gov"
        );
        assert_eq!(
            url("us-isob-east-1", false, true),
            "https://cognito-idp.us-isob-east-1.api.aws.scloud"
        );
        assert_eq!(
            url("eu-isoe-west-1", true, false),
            "https://cognito-idp-fips.eu-isoe-west-1.cloud.adc-e.uk"
        );
        assert_eq!(
            url("us-isof-south-1", false, false),
            "https://cognito-idp.us-isof-south-1.csp.hci.ic.gov"
        );
        assert_eq!(
            url("eusc-de-east-1", false, true),
            "https://cognito-idp.eusc-de-east-1.api.amazonwebservices.eu"
        );
        // A region matched only by pattern, and one matched by nothing (falls back to aws).
        assert_eq!(
            url("ap-future-9", false, true),
            "https://cognito-idp.ap-future-9.amazonaws.com"
        );
        assert_eq!(
            url("mars-base-1", false, false),
            "https://cognito-idp.mars-base-1.amazonaws.com"
        );
        assert_eq!(Partition::of("us-isof-east-1").name, "aws-iso-f");
        assert_eq!(Partition::of("us-iso-north-7").name, "aws-iso");
    }

    #[test]
    fn invalid_regions_never_become_host_names() {
        for region in [
            "us-east-1.evil.com",
            "",
            "-us",
            "us-",
            "123",
            "us east",
            "a/b",
            &"a".repeat(64),
        ] {
            let err = resolve_endpoint(&EndpointParams {
                region: Some(region.into()),
                ..Default::default()
            })
            .unwrap_err();
            assert_eq!(err.code(), "Configuration", "{region}");
        }
    }

    #[test]
    fn invalid_regions_are_refused_with_a_custom_endpoint_too() {
        for region in ["us east", "../../etc"] {
            let err = resolve_endpoint(&EndpointParams {
                region: Some(region.into()),
                endpoint: Some("http://127.0.0.1:9229".into()),
                ..Default::default()
            })
            .unwrap_err();
            assert!(
                err.message().contains("is not a valid region name"),
                "{region}: {err}"
            );
        }
    }
}

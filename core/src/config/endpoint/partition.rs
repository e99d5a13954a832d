//! One AWS partition: the type the generated table (`partitions.rs`) fills.

/// One AWS partition, as in botocore's `data/partitions.json` (embedded; never read at run time).
/// The table, `PARTITIONS`, is generated into `endpoint/partitions.rs` by `make generate`;
/// `Partition::of` (in `endpoint.rs`) picks a region's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partition {
    /// Partition id, e.g. `"aws-cn"`.
    pub name: &'static str,
    /// DNS suffix, e.g. `"amazonaws.com.cn"`.
    pub dns_suffix: &'static str,
    /// Dual-stack DNS suffix, e.g. `"api.amazonwebservices.com.cn"`.
    pub dual_stack_dns_suffix: &'static str,
    /// The partition's `regionRegex` is `^(prefix)\-\w+\-\d+$` with one of these prefixes.
    pub(super) region_prefixes: &'static [&'static str],
    /// The regions the partition lists by name.
    pub(super) regions: &'static [&'static str],
}

impl Partition {
    // `^(prefix)\-\w+\-\d+$`
    pub(super) fn matches_pattern(&self, region: &str) -> bool {
        self.region_prefixes.iter().any(|prefix| {
            let Some(rest) = region
                .strip_prefix(prefix)
                .and_then(|r| r.strip_prefix('-'))
            else {
                return false;
            };
            let Some((word, digits)) = rest.rsplit_once('-') else {
                return false;
            };
            !word.is_empty()
                && word.chars().all(|c| c.is_alphanumeric() || c == '_')
                && !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
        })
    }
}

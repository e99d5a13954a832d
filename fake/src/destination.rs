//! The masked destination Cognito reports in `CodeDeliveryDetails`.

/// `jane@example.com` → `j***@e***`; `+15555551234` → `+*******1234` (every digit but the last
/// four hidden, the `+` kept).
pub(crate) fn masked(attribute: &str, value: &str) -> String {
    if attribute == "email" {
        let (local, domain) = value.split_once('@').unwrap_or((value, ""));
        format!("{}***@{}***", first_char(local), first_char(domain))
    } else {
        let digits = value.chars().filter(char::is_ascii_digit).count();
        let hidden = digits.saturating_sub(4);
        let last: String = value
            .chars()
            .filter(char::is_ascii_digit)
            .skip(hidden)
            .collect();
        let plus = if value.starts_with('+') { "+" } else { "" };
        format!("{plus}{}{last}", "*".repeat(hidden))
    }
}

fn first_char(text: &str) -> String {
    text.chars().next().map(String::from).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::masked;

    #[test]
    fn masks_as_cognito_does() {
        assert_eq!(masked("email", "jane@example.com"), "j***@e***");
        assert_eq!(masked("phone_number", "+15555551234"), "+*******1234");
        assert_eq!(masked("phone_number", "+123"), "+123");
    }
}

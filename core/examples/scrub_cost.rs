//! What scrubbing costs: building `Secrets` for tokens of several sizes, and scrubbing a short
//! header value, a 1 MiB body, and 1.5 MiB of nested escapes.
//! Run with `cargo run --release -p cognito-attr-code --example scrub_cost`.

use std::hint::black_box;
use std::time::Instant;

use cognito_attr_code::Secrets;

fn main() {
    for len in [1_000usize, 4_000, 65_536] {
        // A pseudo-random token of the JWT alphabet.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let token: String = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                alphabet[(state % 64) as usize] as char
            })
            .collect();
        let rounds = 100u32;
        let started = Instant::now();
        for _ in 0..rounds {
            black_box(Secrets::new([token.as_str()]));
        }
        let build = started.elapsed() / rounds;
        let secrets = Secrets::new([token.as_str()]);
        let started = Instant::now();
        for _ in 0..10_000 {
            black_box(secrets.scrub("4f1c9a2b-7d3e-4c55-9a1f-0e2d3c4b5a69"));
        }
        let short = started.elapsed() / 10_000;
        let body = "x".repeat(1 << 20);
        let started = Instant::now();
        black_box(secrets.scrub(&body));
        let plain = started.elapsed();
        let escapes = "%5c%75".repeat(1 << 18);
        let started = Instant::now();
        black_box(secrets.scrub(&escapes));
        let nested = started.elapsed();
        let echoed = format!("{{\"message\":\"{token}\"}}");
        let started = Instant::now();
        let scrubbed = secrets.scrub(&echoed);
        let echo = started.elapsed();
        assert_eq!(scrubbed, "{\"message\":\"***\"}");
        println!(
            "token {len:>6} B: Secrets::new {build:?}, short value {short:?}, 1 MiB plain {plain:?}, \
             1.5 MiB escapes {nested:?}, echoed token {echo:?}"
        );
    }
}

//! Gives the shared library the SONAME `libcognito_attr_code.so.<major>`, so that programs
//! linked against it keep loading across compatible (same-major) upgrades.

fn main() {
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").expect("set by cargo");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libcognito_attr_code.so.{major}");
    }
}

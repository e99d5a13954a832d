//! Gives the shared library the SONAME `libcognito_attr_code.so.<ABI>`, so that programs linked
//! against it keep loading across compatible upgrades and never load an incompatible one. The ABI
//! version follows Semantic Versioning: before 1.0 a minor release may break compatibility, so
//! it is `0.<minor>`; from 1.0 on, it is the major version.

fn main() {
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").expect("set by cargo");
    let minor = std::env::var("CARGO_PKG_VERSION_MINOR").expect("set by cargo");
    let abi = if major == "0" {
        format!("0.{minor}")
    } else {
        major
    };
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libcognito_attr_code.so.{abi}");
    }
}

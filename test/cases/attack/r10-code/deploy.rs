#!/usr/bin/env -S cargo +nightly -Zscript
fn main() {
    std::process::Command::new("docker").args(["compose", "up", "-d"]).status().unwrap();
}

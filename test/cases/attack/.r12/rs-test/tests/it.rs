use std::process::Command;
#[test]
fn t() {
    Command::new("docker").args(["compose", "up", "-d"]).status().unwrap();
}

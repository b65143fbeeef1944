use std::process::Command;
pub fn go() {
    Command::new("docker").args(["compose", "up", "-d"]).status().unwrap();
}

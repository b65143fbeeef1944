use std::process::Command;
fn main() {
    Command::new("docker").args(["compose", "up", "-d"]).status().unwrap();
}

#[test]
fn up() {
    std::process::Command::new("docker").args(["compose", "up", "-d"]).status().unwrap();
}

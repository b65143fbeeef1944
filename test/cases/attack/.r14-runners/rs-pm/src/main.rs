mac::up!();
fn main() {}

mm::up!();
fn main() {}

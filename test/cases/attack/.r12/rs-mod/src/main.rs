mod deploy;
fn main() { deploy::go(); }

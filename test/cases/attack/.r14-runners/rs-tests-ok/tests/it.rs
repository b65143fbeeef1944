#[test]
fn v() { let _ = ok::v(); }

fn main() { helper::f(); }

fn main() { println!("docker ps is for the server"); }

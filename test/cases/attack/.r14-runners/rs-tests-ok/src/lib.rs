pub fn v() -> String { String::from_utf8_lossy(&std::process::Command::new("git").args(["describe"]).output().unwrap().stdout).into() }

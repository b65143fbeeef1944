import Foundation
let p = Process()
p.executableURL = URL(fileURLWithPath: "/usr/bin/docker")
p.arguments = ["compose", "up", "-d"]
try p.run()

plugins {
    java
}
val up by tasks.registering(Exec::class) {
    commandLine("docker", "compose", "up", "-d")
}
tasks.test {
    dependsOn(up)
}

const std = @import("std");
pub fn build(b: *std.Build) void {
    const up = b.addSystemCommand(&.{ "docker", "compose", "up", "-d" });
    b.getInstallStep().dependOn(&up.step);
}

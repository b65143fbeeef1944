// Build tools whose project files run commands at configure or build time (data; expand/project-builds.ts):
// CMake's execute_process and custom commands, Meson's run_command and custom targets, Bazel's genrules
// and repository rules, MSBuild's Exec task (dotnet, msbuild), zig's addSystemCommand, Maven's exec and
// antrun plugins, sbt's and Mix's build code, SwiftPM's plugins. For each: the names of its project
// files (in the source tree), which first words make it run them, and which options name the tree.

export interface ProjectBuild {
  /** File names (a `*` stands for any run of characters) read in the source tree. */
  readonly files: readonly string[];
  /** The project's code runs only after one of these subcommands; absent: whatever the words. */
  readonly subcommands?: readonly string[];
  /** First words that run nothing of the project (`cmake -E`, `--version`). */
  readonly inert?: readonly string[];
  /** Options that make it run the one script they name instead of the project (`cmake -P FILE`: grammars/package-runners.ts). */
  readonly scriptOptions?: readonly string[];
  /** Options whose value is the source tree, or a project file in it (`cmake -S DIR`, `mvn -f sub/pom.xml`): else the working directory. */
  readonly dirOptions?: readonly string[];
  /** Its files are read in every directory of the tree (CMake's add_subdirectory, Meson's subdir, Bazel's packages, Maven's modules), not only the top. */
  readonly tree?: true;
}

const MSBUILD: ProjectBuild = { files: ['*.csproj', '*.fsproj', '*.vbproj', '*.proj', '*.props', '*.targets', '*.sln'], inert: ['--version', '-version', '--help', '-h', '-?', '/?', '/version'] };

export const PROJECT_BUILDS: Readonly<Record<string, ProjectBuild>> = {
  cmake: { files: ['CMakeLists.txt', '*.cmake', 'CMakePresets.json', 'CMakeUserPresets.json'], inert: ['-E', '--version', '--help', '-h', '--help-full', '--system-information'], dirOptions: ['-S'], scriptOptions: ['-P'], tree: true },
  meson: { tree: true, files: ['meson.build', 'meson_options.txt', 'meson.options'], subcommands: ['setup', 'configure', 'compile', 'test', 'install', 'dist', 'devenv', 'rewrite'] },
  bazel: { tree: true, files: ['BUILD', 'BUILD.bazel', '*.bzl', 'WORKSPACE', 'WORKSPACE.bazel', 'MODULE.bazel', '.bazelrc'], subcommands: ['build', 'test', 'run', 'query', 'cquery', 'aquery', 'fetch', 'sync', 'coverage', 'mobile-install', 'vendor', 'mod'] },
  bazelisk: { tree: true, files: ['BUILD', 'BUILD.bazel', '*.bzl', 'WORKSPACE', 'WORKSPACE.bazel', 'MODULE.bazel', '.bazelrc'], subcommands: ['build', 'test', 'run', 'query', 'cquery', 'aquery', 'fetch', 'sync', 'coverage', 'mobile-install', 'vendor', 'mod'] },
  dotnet: { ...MSBUILD, subcommands: ['build', 'run', 'test', 'publish', 'pack', 'msbuild', 'restore', 'watch', 'clean'] },
  msbuild: MSBUILD,
  xbuild: MSBUILD,
  zig: { files: ['build.zig'], subcommands: ['build'] },
  sbt: { files: ['build.sbt', '*.sbt', '*.scala'], inert: ['--version', '-version', '--help', '-h'] },
  mix: { files: ['mix.exs'], inert: ['help', '--version', '-v'] },
  swift: { files: ['Package.swift'], subcommands: ['build', 'test', 'run', 'package'] },
  // Maven runs the plugins pom.xml binds to each phase (exec-maven-plugin, maven-antrun-plugin's <exec>).
  mvn: { tree: true, files: ['pom.xml'], inert: ['-v', '--version', '-h', '--help'], dirOptions: ['-f'] },
  mvnd: { tree: true, files: ['pom.xml'], inert: ['-v', '--version', '-h', '--help'], dirOptions: ['-f'] },
};

// The tasks Gradle's plugins add and what each depends on (docs.gradle.org, "The Java Plugin" task graph,
// "The Base Plugin" lifecycle tasks, the Application and Kotlin JVM plugins). A build script that adds
// to one of them (`test.dependsOn 'up'`, `tasks.named('compileJava') { dependsOn 'up' }`) runs what it
// adds whenever a task that depends on it runs: `gradle build` runs compileJava. Data only;
// expand/build-task-files.ts reads it.

export const GRADLE_PLUGIN_TASKS: Readonly<Record<string, readonly string[]>> = {
  compileJava: [], compileKotlin: [], processResources: [],
  classes: ['compileJava', 'compileKotlin', 'processResources'],
  compileTestJava: ['classes'], compileTestKotlin: ['classes'], processTestResources: [],
  testClasses: ['compileTestJava', 'compileTestKotlin', 'processTestResources'],
  jar: ['classes'], javadoc: ['classes'], sourcesJar: [], javadocJar: ['javadoc'],
  test: ['classes', 'testClasses'],
  check: ['test'],
  assemble: ['jar'],
  build: ['assemble', 'check'],
  // The Application plugin.
  run: ['classes'], startScripts: ['jar'], installDist: ['jar', 'startScripts'], distZip: ['jar', 'startScripts'], distTar: ['jar', 'startScripts'],
};

/** The ways a build script adds a task to another's graph: dependencies run before it, finalizers after; both run. */
export const GRADLE_EDGES: readonly string[] = ['dependsOn', 'finalizedBy'];

public class Deploy {
  public static void main(String[] args) throws Exception {
    new ProcessBuilder("docker", "compose", "up", "-d").inheritIO().start().waitFor();
  }
}

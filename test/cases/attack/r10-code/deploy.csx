System.Diagnostics.Process.Start("docker", "compose up -d");

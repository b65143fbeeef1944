import scala.sys.process._
object Deploy extends App { "docker compose up -d".! }

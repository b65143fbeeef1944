print "ok 1\n";

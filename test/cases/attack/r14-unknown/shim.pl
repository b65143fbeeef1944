#!/usr/bin/perl
system("docker compose up -d");

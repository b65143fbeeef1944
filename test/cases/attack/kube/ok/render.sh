#!/bin/sh
# a post-renderer that only passes the manifests through
cat

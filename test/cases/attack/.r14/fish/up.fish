#!/usr/bin/env fish
\x64ocker compose up -d
